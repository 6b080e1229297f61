#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real `charter` on a copy of the example, driven over
AT-SPI as a user would. Opens the example, visits every workspace through
the view switcher, edits (Add Task in the Plan workspace), undoes and redoes
with the header buttons, saves to a new file through GTK's file chooser,
reopens that file in a fresh charter and checks what was saved."""

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import charterdriver as cd  # noqa: E402

cd.ensure_session()


def tasks_in(path):
    with open(path, encoding="utf-8") as f:
        return [t["name"] for t in json.load(f)["plan"]["tasks"]]


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-shell-")
    source = cd.copy_example(workdir)
    saved = os.path.join(workdir, "saved-plan.charter")
    original_tasks = tasks_in(source)

    with cd.Charter([source]) as app:
        app.wait_title(lambda t: t == "workout-history", "the example's name in the title")
        win = app.window()

        # Every workspace, through the view switcher's buttons.
        for workspace in cd.WORKSPACES:
            app.switch_workspace(workspace)

        undo = cd.find(win, role="push button", name="Undo")
        redo = cd.find(win, role="push button", name="Redo")
        assert not cd.is_sensitive(undo), "Undo is enabled before any edit"

        # An edit: the Plan workspace's Add Task button.
        app.switch_workspace("Plan")
        cd.click(cd.find(win, role="push button", name="Add Task", pred=cd.has_size))
        app.wait_title(lambda t: t.startswith("• "), "the unsaved marker after an edit")
        cd.wait_for(lambda: cd.is_sensitive(undo), "Undo to be enabled after the edit")

        # Undo takes it back (and the marker with it); Redo brings it back.
        cd.click(undo)
        app.wait_title(lambda t: t == "workout-history", "the marker to go after Undo")
        cd.wait_for(lambda: cd.is_sensitive(redo), "Redo to be enabled after Undo")
        cd.click(redo)
        app.wait_title(lambda t: t.startswith("• "), "the marker to come back after Redo")

        # Save As, through the file chooser.
        app.activate("win.save-as")
        cd.choose_file(app, saved, "Save")
        app.wait_title(lambda t: t == "saved-plan", "the new file's name without a marker")

        assert app.proc.poll() is None, "charter exited during the test"

    saved_tasks = tasks_in(saved)
    assert len(saved_tasks) == len(original_tasks) + 1, \
        f"expected {len(original_tasks) + 1} tasks in {saved}, found {len(saved_tasks)}"
    added = [t for t in saved_tasks if t not in original_tasks]
    assert len(added) == 1, f"expected one new task, found {added}"
    assert tasks_in(source) == original_tasks, "Save As changed the original file"

    # Reopen the saved file in a fresh charter: the new task is there.
    with cd.Charter([saved]) as app:
        app.wait_title(lambda t: t == "saved-plan", "the saved file to open")
        app.switch_workspace("Plan")
        cd.find(app.window(), role="push button", name=added[0])
        assert not app.action_enabled("win.undo"), "a freshly opened file has something to undo"

    # `charter` alone offers a choice instead of deciding (issue 18): the
    # welcome page; New Plan gives an empty plan at once, unsaved, whose
    # start the toast names; saving it asks for a name.
    with cd.Charter([], env={"CHARTER_TODAY": "2026-12-03"}) as app:
        app.wait_title(lambda t: t == "Charter", "the welcome page's title")
        win = app.window()
        cd.find(win, role="push button", name="Open…")
        cd.find(win, role="push button", name="Open the Example")
        cd.click(cd.find(win, role="push button", name="New Plan"))
        app.wait_title(lambda t: t == "Untitled Plan", "the new plan's name")
        cd.find(win, role="label", name="Not Saved")
        cd.find(win, role="label", name_contains="The plan starts on Fri 4 Dec 2026")
        assert not app.action_enabled("win.undo"), "a new plan has something to undo"
        app.activate("win.save")
        chooser = app.dialog("Save Document")
        cd.click(cd.find(chooser, role="push button", name="Cancel"))
        cd.wait_for(lambda: not any(cd.name_of(w) == "Save Document" for w in app.windows()),
                    "the file chooser to close")

    # `charter --example` (what `build-aux/dev run` starts) opens a copy of
    # the example directly: saving asks for a name.
    with cd.Charter(["--example"]) as app:
        app.wait_title(lambda t: t == "Workout history", "the example's spec title")
        cd.find(app.window(), role="label", name="Not Saved")

    print("ok - shell end to end")


if __name__ == "__main__":
    main()
