#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: kill -9 during the app's Save, again and again, on a
10,000-task plan (the CLI's twin is tests/io/kill-during-save.py).

Each run starts the real `charter` on doc.charter, makes an edit (Add
Participant), waits for its recovery copy, activates win.save over D-Bus
(what Ctrl+S does) without waiting for the reply, and SIGKILLs the app at a
random moment between the request and a little after the save would have
ended (measured by an unkilled save first). No hook slows the writer: the
plan is large enough that serialising and writing take a measurable time.

After every kill:
- doc.charter is the old file, byte for byte, or the new one, complete (it
  parses, and holds one participant more);
- doc.charter~, once there is one, is a complete earlier version, byte for
  byte;
- the only other files are Charter's own temporaries (.doc.charter.saving-*);
and at the next start (the next run's):
- no temporary file is left;
- the recovery is offered when the file does not hold the edit (and is
  taken, so that the edit is saved by the next run); when the file does
  hold it, an offer is counted (the kill fell between the rename and the
  removal of the copy), not failed.

    CHARTER_APP_KILL_RUNS (default 3 in CI; 5 runs took 49 s, 4 took 70 s at load average 15), CHARTER_APP_KILL_SEED
Prints TAP-like lines; the exit status is the verdict (the accessibility
registry writes to stdout too)."""

import glob
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import charterdriver as cd  # noqa: E402

cd.ensure_session()

RUNS = int(os.environ.get("CHARTER_APP_KILL_RUNS", "3"))
SEED = int(os.environ.get("CHARTER_APP_KILL_SEED", str(int(time.time()))))
TEMPORARY = re.compile(r"\.doc\.charter\.saving-[A-Za-z0-9]{6}")


def borrowed_plan():
    path = os.path.join(cd.source_root(), "tests", "io", "kill-during-save.py")
    spec = importlib.util.spec_from_file_location("kill_during_save", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.plan(1), module.N_TASKS


def schema_dir(workdir):
    """The compiled schema with a recovery interval of one second, so that a
    run waits one second for the copy instead of five."""
    directory = os.path.join(workdir, "schemas")
    os.makedirs(directory)
    for xml in glob.glob(os.path.join(cd.source_root(), "data", "*.gschema.xml")):
        shutil.copy(xml, directory)
    with open(os.path.join(directory, "zz-kill.gschema.override"), "w") as f:
        f.write("[org.charterapp.Charter]\nrecovery-interval=1\n")
    subprocess.run(["glib-compile-schemas", directory], check=True)
    return directory


def sha(data):
    return hashlib.sha256(data).hexdigest()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def participants(data):
    """The number of participants of a complete document; None when @data
    is no complete document."""
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    if not isinstance(doc, dict) or doc.get("format") != "charter":
        return None
    return len(doc.get("discovery", {}).get("participants", []))


def recovery_copies(state):
    return glob.glob(os.path.join(state, "charter", "recovery", "*.charter"))


def others(workdir):
    return sorted(n for n in os.listdir(workdir)
                  if n not in ("doc.charter", "doc.charter~", "schemas", "state"))


class Bus:
    """Activates win.save without waiting: the request leaves at once, the
    app serialises and writes while the test sleeps towards the kill."""

    def __init__(self):
        from gi.repository import Gio
        self.Gio = Gio
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def save(self):
        from gi.repository import GLib
        self.bus.call(cd.APP_ID, f"{cd.APP_PATH}/window/1", "org.gtk.Actions", "Activate",
                      GLib.Variant("(sava{sv})", ("save", [], {})), None,
                      self.Gio.DBusCallFlags.NONE, -1, None, None, None)
        self.bus.flush_sync(None)


def open_and_edit(app, state, expect_offer):
    """The checks of a start, then an unsaved edit with its recovery copy.
    Returns (offered, problems)."""
    problems = []
    found = cd.wait_for(lambda: ("dialog", app.dialog("Recover", timeout=0.05))
                        if any("Recover" in cd.name_of(w) for w in app.windows() if w is not None)
                        else (("window", None) if app.title() in ("doc", "• doc") else None),
                        "the file open or the recovery offered", timeout=30)
    offered = found[0] == "dialog"
    if offered:
        cd.click(cd.find(found[1], role="push button", name="Recover"))
        app.wait_title(lambda t: t == "• doc", "the recovered document, unsaved", timeout=30)
    elif expect_offer:
        problems.append("the file lacks the edit, but no recovery was offered "
                        f"({len(recovery_copies(state))} recovery copies on disk, title {app.title()!r})")
    left = others(os.path.dirname(app.args[0]))
    if left:
        problems.append("left at the next start: " + " ".join(left))
    edited = time.time()
    if not offered:
        cd.click(cd.find(app.window(), role="push button", name="Add Participant", pred=cd.has_size))
        app.wait_title(lambda t: t.startswith("• "), "the unsaved marker after an edit")
    # A recovered document keeps the copy it came from.
    cd.wait_for(lambda: any(offered or os.path.getmtime(p) >= edited for p in recovery_copies(state)),
                "a recovery copy of the edit", timeout=20)
    return offered, problems


def main():
    plan, n_tasks = borrowed_plan()
    rand = random.Random(SEED)
    workdir = tempfile.mkdtemp(prefix="charter-e2e-kill-")
    state = os.path.join(workdir, "state")
    target = os.path.join(workdir, "doc.charter")
    backup = target + "~"
    env = {"XDG_STATE_HOME": state, "GSETTINGS_SCHEMA_DIR": schema_dir(workdir)}
    with open(target, "w") as f:
        json.dump(plan, f)
    bus = Bus()
    versions = {sha(read(target))}

    try:
        # One save not killed: how long the kill window must be.
        with cd.Charter([target], env=env) as app:
            open_and_edit(app, state, False)
            start = time.monotonic()
            bus.save()
            app.wait_title(lambda t: t == "doc", "the calibration save", timeout=60)
            duration = time.monotonic() - start
        versions.add(sha(read(target)))
        # (stop() ends it with SIGTERM after the save: nothing to recover.)

        print(f"# seed {SEED}, {RUNS} runs, {n_tasks} tasks, one save takes {duration * 1000:.0f} ms")
        print(f"1..{RUNS + 1}")
        outcomes = {"old": 0, "new": 0, "offered-after-new": 0}
        failures = 0
        expect_offer = False
        for run in range(1, RUNS + 1):
            problems = []
            app = cd.Charter([target], env=env)
            with app:
                try:
                    offered, start_problems = open_and_edit(app, state, expect_offer)
                except cd.DriverError:
                    sys.stderr.write(f"run {run}: charter said:\n{app.output()}\n"
                                     f"exit status {app.proc.poll()}\n")
                    raise
                problems += start_problems
                if offered and not expect_offer:
                    outcomes["offered-after-new"] += 1
                before = read(target)
                wanted = participants(before)
                # A recovered edit may be two participants ahead of a file
                # whose last save was lost; what counts is "more than before".
                bus.save()
                time.sleep(rand.uniform(0, duration * 1.2))
                app.proc.send_signal(signal.SIGKILL)
                app.proc.wait()
                killed = time.monotonic()
            after = read(target)
            if after == before:
                outcomes["old"] += 1
                expect_offer = True
            else:
                count = participants(after)
                if count is None or count <= wanted:
                    problems.append(f"doc.charter is neither version ({len(after)} bytes, "
                                    f"{count} participants, {wanted} before)")
                else:
                    outcomes["new"] += 1
                    versions.add(sha(after))
                expect_offer = False
            if os.path.exists(backup) and sha(read(backup)) not in versions:
                problems.append("doc.charter~ is not a complete earlier version")
            for name in others(workdir):
                if not TEMPORARY.fullmatch(name):
                    problems.append(f"unexpected file {name}")
            if problems:
                failures += 1
                print(f"not ok {run} - run {run}: " + "; ".join(problems))
            else:
                print(f"ok {run} - run {run} ({'new' if after != before else 'old'} file)")
            sys.stdout.flush()
            # A temporary file younger than half a second may be a save's
            # under way: the next start leaves it (charter-file.c).
            time.sleep(max(0.0, killed + 0.6 - time.monotonic()))

        # The last start: the same checks, and a save that is not killed works.
        problems = []
        with cd.Charter([target], env=env) as app:
            offered, problems = open_and_edit(app, state, expect_offer)
            bus.save()
            app.wait_title(lambda t: t == "doc", "the last save", timeout=60)
            if participants(read(target)) is None:
                problems.append("the last save is not a complete document")
        if recovery_copies(state):
            problems.append("a recovery copy is left after saving")
        # Known and open (issue 18's note): after a start that offered and
        # took a recovery the file already held, a save killed mid-way has
        # twice left the file without the edit and no recovery copy. Until
        # that is understood it is reported as a TODO, not hidden.
        known = (problems and outcomes['offered-after-new'] > 0
                 and all(p.startswith("the file lacks the edit, but no recovery was offered") for p in problems))
        print(("ok" if not problems else "not ok") + f" {RUNS + 1} - the start after the kills, and a save"
              + ("" if not problems else ": " + "; ".join(problems))
              + (" # TODO a recovered document's copy is gone after a killed save" if known else ""))
        print(f"# {outcomes['old']} times the old file, {outcomes['new']} times the new one; "
              f"{outcomes['offered-after-new']} offers of a recovery the file already held")
        return 1 if failures or (problems and not known) else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


sys.exit(main())
