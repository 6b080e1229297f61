#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: crash recovery, five times in a row. Each round starts the
real `charter` on a file, makes an edit (Add Task in the Plan workspace),
waits for the recovery copy (the recovery interval, 5 s by default) and kills
the app with SIGKILL. The next start must offer the recovery in one window;
Recover must bring the edit back, and Save must write it."""

import glob
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import charterdriver as cd  # noqa: E402

cd.ensure_session()

ROUNDS = int(os.environ.get("CHARTER_CRASH_ROUNDS", "5"))


def tasks_in(path):
    with open(path, encoding="utf-8") as f:
        return [t["name"] for t in json.load(f)["plan"]["tasks"]]


def recovery_copies(state):
    return glob.glob(os.path.join(state, "charter", "recovery", "*.charter"))


def add_task_and_crash(app, state):
    win = app.window()
    app.switch_workspace("Plan")
    edited = time.time()
    cd.click(cd.find(win, role="push button", name="Add Task", pred=cd.has_size))
    app.wait_title(lambda t: t.startswith("• "), "the unsaved marker after an edit")
    cd.wait_for(lambda: any(os.path.getmtime(p) >= edited for p in recovery_copies(state)),
                "a recovery copy written after the edit", timeout=30)
    app.proc.send_signal(signal.SIGKILL)
    app.proc.wait()


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-crash-")
    state = os.path.join(workdir, "state")
    source = cd.copy_example(workdir, "plan.charter")
    expected = len(tasks_in(source))
    env = {"XDG_STATE_HOME": state}

    app = cd.Charter([source], env=env)
    with app:
        app.wait_title(lambda t: t == "plan", "the file's name in the title")
        add_task_and_crash(app, state)

    for round_ in range(1, ROUNDS + 1):
        with cd.Charter([source], env=env) as app:
            dialog = app.dialog("Recover")
            cd.click(cd.find(dialog, role="push button", name="Recover"))
            # The recovered edit, unsaved, in the one window there is.
            app.wait_title(lambda t: t == "• plan", "the recovered document, unsaved")
            frames = [w for w in app.windows() if w is not None and cd.role_name(w) == "frame"]
            assert len(frames) == 1, f"round {round_}: {len(frames)} windows after Recover"
            app.activate("win.save")
            app.wait_title(lambda t: t == "plan", "the recovered document saved")
            expected += 1
            found = len(tasks_in(source))
            assert found == expected, f"round {round_}: {found} tasks saved, expected {expected}"
            print(f"# round {round_}: recovered and saved, {found} tasks")
            if round_ < ROUNDS:
                add_task_and_crash(app, state)

    assert not recovery_copies(state), "a recovery copy is left after saving"
    print("ok - crash recovery, %d rounds" % ROUNDS)


main()
