#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real `charter` on a copy of the example. Switches to the
Timeline through the view switcher, finds the bar of "Backend: history
storage" over AT-SPI (named after its task, dates in its description),
drags its right end one week later with real pointer events (xdotool:
mousedown, several mousemoves, mouseup), saves with Ctrl+S, then starts a
second drag and presses Escape, lengthens the task with Shift+Right, opens
its editor (Enter) and undoes with Ctrl+Z there, and checks the saved file: the new duration
in working days, and its successors moved by as much (dates from
`charter-cli schedule --format json`)."""

import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import charterdriver as cd  # noqa: E402

# Its own X server too: the suite runs other end-to-end tests at the same
# time, and their windows would sit at (0, 0) over ours and take the pointer.
if os.environ.get("CHARTER_E2E_SESSION") != "1":
    os.environ.pop("DISPLAY", None)
cd.ensure_session()

TASK = "storage"
TASK_NAME = "Backend: history storage"
DRAG_DAYS = 7          # calendar days to the right
PIXELS_PER_DAY = 16.0  # the Timeline's default zoom (weeks); see charter-timeline-geometry.c
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def schedule(path):
    cli = os.path.join(cd.build_root(), "src", "charter-cli")
    out = subprocess.run([cli, "schedule", "--format", "json", path], check=True,
                         capture_output=True, text=True).stdout
    return {t["id"]: t for t in json.loads(out)["tasks"]}


def day(text):
    return datetime.date.fromisoformat(text)


def working_days_between(plan, first, last):
    """Working days in [first, last] by the file's own calendar."""
    calendar = plan["plan"]["calendar"]
    working = set(calendar.get("working_days", WEEKDAYS[:5]))
    holidays = {day(h) for h in calendar.get("holidays", [])}
    count = 0
    d = first
    while d <= last:
        if WEEKDAYS[d.weekday()] in working and d not in holidays:
            count += 1
        d += datetime.timedelta(days=1)
    return count


def spin_value(node):
    """A spin button's value, over the AT-SPI Value interface."""
    return round(node.queryValue().currentValue)


def xdotool(*args):
    return subprocess.run(["xdotool", *map(str, args)], check=True, capture_output=True, text=True).stdout


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-timeline-")
    source = cd.copy_example(workdir)
    # The drag is about a plan without check-ins: the example's 2 April
    # check-in reports this task done and its successor under way with 9
    # days remaining, so (docs/scheduling.md, "Reforecasting from
    # check-ins") lengthening it would move nothing after it.
    stripped = load(source)
    stripped["plan"]["check_ins"] = []
    with open(source, "w", encoding="utf-8") as f:
        json.dump(stripped, f, ensure_ascii=False, indent=2)
    before_file = load(source)
    before = schedule(source)
    old_duration = next(t["duration"] for t in before_file["plan"]["tasks"] if t["id"] == TASK)
    old_finish = day(before[TASK]["finish"])
    gained = working_days_between(before_file, old_finish + datetime.timedelta(days=1),
                                  old_finish + datetime.timedelta(days=DRAG_DAYS))
    # The successors whose start this task's finish drives.
    successors = [d["successor"] for d in before_file["plan"]["dependencies"]
                  if d["predecessor"] == TASK and d.get("kind", "finish-to-start") == "finish-to-start"
                  and TASK_NAME in (before[d["successor"]].get("driver") or "")]
    # A start-to-start successor must stay where it was.
    unmoved = [d["successor"] for d in before_file["plan"]["dependencies"]
               if d["predecessor"] == TASK and d.get("kind") == "start-to-start"]
    assert successors, f"{TASK} drives no successor in the example"

    with cd.Charter([source]) as app:
        app.wait_title(lambda t: t == "workout-history", "the example's name in the title")
        win = app.window()
        app.switch_workspace("Timeline")

        # The bar is an accessible object named after its task.
        bar = cd.find(win, role="push button", name=TASK_NAME, pred=cd.has_size)
        description = bar.description
        assert "Starts Monday 15 March 2027" in description, description
        assert "finishes Tuesday 30 March 2027" in description, description
        assert f"{old_duration} working days" in description, description

        pyatspi = cd._pyatspi()
        ext = bar.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        wid = xdotool("search", "--sync", "--onlyvisible", "--name", "workout-history").split()[0]
        x = ext.x + ext.width - 3
        y = ext.y + ext.height // 2

        # A real drag: press on the right end, move in steps, release.
        xdotool("mousemove", "--window", wid, x, y)
        time.sleep(0.3)
        xdotool("mousedown", "1")
        steps = 12
        for i in range(1, steps + 1):
            xdotool("mousemove", "--window", wid, int(x + DRAG_DAYS * PIXELS_PER_DAY * i / steps), y)
            time.sleep(0.08)
        time.sleep(0.3)
        shot = os.path.join(tempfile.gettempdir(), "charter-e2e-timeline-drag.png")
        app.screenshot(shot)
        xdotool("mouseup", "1")

        app.wait_title(lambda t: t.startswith("• "), "the unsaved marker after the drag")
        # The bar's description follows the new schedule.
        cd.wait_for(lambda: f"{old_duration + gained} working days" in
                    cd.find(win, role="push button", name=TASK_NAME, pred=cd.has_size).description,
                    "the bar's description to give the new duration")

        mtime = os.stat(source).st_mtime_ns
        xdotool("key", "--window", wid, "ctrl+s")
        app.wait_title(lambda t: t == "workout-history", "the marker to go after Ctrl+S")
        cd.wait_for(lambda: os.stat(source).st_mtime_ns != mtime, "the file to be written")

        # Escape during a second drag puts the bar back: nothing to save.
        bar = cd.find(win, role="push button", name=TASK_NAME, pred=cd.has_size)
        ext = bar.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        x = ext.x + ext.width - 3
        xdotool("mousemove", "--window", wid, x, y)
        time.sleep(0.2)
        xdotool("mousedown", "1")
        for i in range(1, 7):
            xdotool("mousemove", "--window", wid, int(x + 5 * PIXELS_PER_DAY * i / 6), y)
            time.sleep(0.08)
        cd.wait_for(lambda: f"{old_duration + gained} working days" not in
                    cd.find(win, role="push button", name=TASK_NAME, pred=cd.has_size).description,
                    "the drag to change the duration live")
        xdotool("key", "Escape")
        time.sleep(0.2)
        xdotool("mouseup", "1")
        app.wait_title(lambda t: t == "workout-history", "Escape to take the drag back")
        cd.wait_for(lambda: f"{old_duration + gained} working days" in
                    cd.find(win, role="push button", name=TASK_NAME, pred=cd.has_size).description,
                    "the bar's description to be back at the saved duration")

        # Ctrl+Z with the task's editor open undoes the document (the fields
        # keep no undo of their own for what the editor filled in), and the
        # editor shows the duration as it is again. Shift+→ makes a change
        # to undo, Enter opens the editor.
        bar = cd.find(win, role="push button", name=TASK_NAME, pred=cd.has_size)
        ext = bar.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        xdotool("mousemove", "--window", wid, ext.x + ext.width // 3, ext.y + ext.height // 2)
        xdotool("click", "1")
        time.sleep(0.3)
        xdotool("key", "--window", wid, "shift+Right")
        app.wait_title(lambda t: t.startswith("• "), "Shift+Right to lengthen the task")
        xdotool("key", "--window", wid, "Return")
        spin = cd.find(app.app, role="spin button", name_contains="Duration")
        cd.wait_for(lambda: spin_value(spin) == old_duration + gained + 1, "the editor to show the new duration")
        xdotool("key", "--window", wid, "ctrl+z")
        app.wait_title(lambda t: t == "workout-history", "Ctrl+Z in the editor to undo the document")
        cd.wait_for(lambda: spin_value(spin) == old_duration + gained,
                    "the editor to show the duration after Undo")
        editor_shot = os.path.join(tempfile.gettempdir(), "charter-e2e-timeline-editor-undo.png")
        app.screenshot(editor_shot)
        xdotool("key", "--window", wid, "Escape")

    saved = load(source)
    new_duration = next(t["duration"] for t in saved["plan"]["tasks"] if t["id"] == TASK)
    assert new_duration == old_duration + gained, \
        f"{TASK}: duration {new_duration} in the saved file, expected {old_duration} + {gained}"

    after = schedule(source)
    assert working_days_between(saved, old_finish + datetime.timedelta(days=1), day(after[TASK]["finish"])) == gained, \
        f"{TASK} finishes {after[TASK]['finish']}, was {old_finish}"
    for s in successors:
        moved = working_days_between(saved, day(before[s]["start"]), day(after[s]["start"])) - 1
        assert day(after[s]["start"]) > day(before[s]["start"]), \
            f"successor {s} did not move: {before[s]['start']} -> {after[s]['start']}"
        assert moved == gained, f"successor {s} moved {moved} working days, expected {gained}"
    for s in unmoved:
        assert after[s]["start"] == before[s]["start"], f"{s} hangs on the start, yet moved"
    # Nothing but the duration changed in the file.
    before_tasks = {t["id"]: t for t in before_file["plan"]["tasks"]}
    for t in saved["plan"]["tasks"]:
        if t["id"] != TASK:
            assert t == before_tasks[t["id"]], f"task {t['id']} changed: {t}"
    print(f"1..1\nok 1 timeline drag: {TASK} {old_duration} -> {new_duration} working days, "
          f"successors {', '.join(successors)} moved {gained} working days; screenshot {shot}")


if __name__ == "__main__":
    main()
