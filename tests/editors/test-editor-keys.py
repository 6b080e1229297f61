#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real key presses in the task editor (editor-host, xdotool): typing in the
name applies as it is typed; Ctrl+Z with the keyboard in the name undoes the
document (the editor's step so far), not the field's own typing, and leaves
the field showing the name as it was; Escape closes and keeps what was
applied; Enter in a field closes after applying. editor-host prints the task
and the Undo label when the editor closes."""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.environ["CHARTER_SOURCE_ROOT"], "tests", "e2e"))
import charterdriver as cd  # noqa: E402

NAME = "Backend: history storage"


def xdotool(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True, capture_output=True, text=True)


def edit(*steps):
    """Opens the editor of "storage", plays @steps, returns what the host printed."""
    host = os.path.join(os.environ["CHARTER_BUILD_ROOT"], "tests", "editors", "editor-host")
    proc = subprocess.Popen([host, "--once", "--task", "storage"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        xdotool("search", "--sync", "--onlyvisible", "--name", "^Editors$")
        time.sleep(1.0)
        # No window manager: the keyboard goes to the window under the pointer.
        xdotool("mousemove", 700, 900)
        for step in steps:
            xdotool(*step)
            time.sleep(0.2)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    lines = dict(line.split("=", 1) for line in out.splitlines() if line.startswith("undo="))
    return out, lines


def check(condition, message, out):
    if not condition:
        raise AssertionError(f"{message}; editor-host printed:\n{out}")


def main():
    cd.ensure_session()

    # Typing applies live; Escape keeps it, as one undo step.
    out, lines = edit(("type", "--delay", "60", " v2"), ("key", "Escape"))
    check(f"name={NAME} v2 " in out, "the typed name to be applied", out)
    check(lines.get("undo") == f"Edit “{NAME}”", "one step named after the task", out)

    # Ctrl+Z in the name: the document's step is undone (the field's own
    # undo would only take back the last characters typed).
    out, lines = edit(("type", "--delay", "60", " v2"), ("key", "ctrl+z"), ("key", "Escape"))
    check(f"name={NAME} duration" in out, "Ctrl+Z to take the whole edit back", out)
    check(lines.get("undo") == "(null)", "nothing left to undo after Ctrl+Z", out)

    # Enter in the name closes after applying.
    out, lines = edit(("key", "ctrl+a"), ("type", "--delay", "60", "Storage"), ("key", "Return"))
    check("name=Storage duration" in out, "Enter to apply the name and close", out)
    print("ok")


if __name__ == "__main__":
    main()
