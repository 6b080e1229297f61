#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: in the real `charter`, on a copy of the example, link two tasks
of the Plan workspace's dependency graph by dragging from one task's link
handle onto another with real pointer events (xdotool under Xvfb), save with
Ctrl+S and find the new dependency in the saved file.

The tasks are found over AT-SPI by their names (each task on the graph is an
accessible widget); their extents are window-relative and, with no window
manager, the window sits at the screen's origin."""

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import charterdriver as cd  # noqa: E402

# Real pointer events: an X server of its own, so that no other test's
# pointer or windows get in the way (ensure_session starts one when there is
# no display).
if os.environ.get("CHARTER_E2E_SESSION") != "1":
    os.environ.pop("DISPLAY", None)
cd.ensure_session()


def load_plan(path):
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)["plan"]
    names = {t["id"]: t["name"] for t in plan["tasks"]}
    links = {(d["predecessor"], d["successor"]) for d in plan["dependencies"]}
    return names, links


def reaches(links, start, goal):
    """Whether @goal follows @start along the dependencies."""
    seen, todo = {start}, [start]
    while todo:
        v = todo.pop()
        if v == goal:
            return True
        for a, b in links:
            if a == v and b not in seen:
                seen.add(b)
                todo.append(b)
    return False


def xdotool(*args):
    subprocess.run(["xdotool", *[str(a) for a in args]], check=True)


def extents(node):
    import pyatspi
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return e.x, e.y, e.width, e.height


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-graph-")
    source = cd.copy_example(workdir)
    names, links = load_plan(source)

    with cd.Charter([source]) as app:
        app.wait_title(lambda t: t == "workout-history", "the example's name in the title")
        win = app.window()

        # Alt+3 is the Plan workspace's shortcut; the switcher is the fallback.
        xdotool("mousemove", 600, 400)
        xdotool("key", "alt+3")
        try:
            cd.wait_for(lambda: app.workspace() == "plan", "Alt+3 to show the Plan workspace", timeout=3)
        except cd.DriverError:
            app.switch_workspace("Plan")

        # Every task is on the graph, reachable by its name.
        nodes = {}
        for task_id, name in names.items():
            nodes[task_id] = cd.find(win, role="push button", name=name, pred=cd.has_size)

        # Two tasks on screen that a new link would not close into a cycle.
        width = win.queryComponent().getExtents(0).width
        candidates = []
        for a in names:
            for b in names:
                if a == b or (a, b) in links or reaches(links, b, a):
                    continue
                ax, ay, aw, ah = extents(nodes[a])
                bx, by, bw, bh = extents(nodes[b])
                if min(aw, ah, bw, bh) <= 0 or ax < 0 or bx < 0 or ax + aw + 20 > width or bx + bw > width:
                    continue
                candidates.append((abs(ay - by) + abs(ax - bx), a, b))
        assert candidates, "no two tasks on screen that could be linked"
        _, a, b = min(candidates)
        ax, ay, aw, ah = extents(nodes[a])
        bx, by, bw, bh = extents(nodes[b])

        # AT-SPI extents are relative to the window's content; the X window
        # around it may carry a client-side frame. Find where the content
        # starts on screen from the two widths.
        frame = win.queryComponent().getExtents(0)
        origin = None
        for w in subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "workout-history"],
                                check=True, capture_output=True, text=True).stdout.split():
            geometry = dict(line.split("=", 1) for line in subprocess.run(
                ["xdotool", "getwindowgeometry", "--shell", w],
                check=True, capture_output=True, text=True).stdout.split())
            if int(geometry["WIDTH"]) >= frame.width:
                margin = (int(geometry["WIDTH"]) - frame.width) // 2
                origin = (int(geometry["X"]) + margin, int(geometry["Y"]) + margin)
                break
        assert origin is not None, "no X window for charter's main window"

        # The handle is the knob centred on the task's right edge.
        start = (origin[0] + ax + aw, origin[1] + ay + ah // 2)
        end = (origin[0] + bx + bw // 2, origin[1] + by + bh // 2)
        xdotool("mousemove", *start)
        time.sleep(0.2)
        xdotool("mousedown", 1)
        steps = 12
        for i in range(1, steps + 1):
            x = start[0] + (end[0] - start[0]) * i // steps
            y = start[1] + (end[1] - start[1]) * i // steps
            xdotool("mousemove", x, y)
            time.sleep(0.05)
        xdotool("mouseup", 1)

        app.wait_title(lambda t: t.startswith("• "), f"the unsaved marker after linking “{names[a]}” to “{names[b]}”")

        # Ctrl+S saves in place.
        xdotool("key", "ctrl+s")
        app.wait_title(lambda t: t == "workout-history", "the marker to go after Ctrl+S")

    _, saved_links = load_plan(source)
    assert (a, b) in saved_links, \
        f"the saved file has no dependency {a} -> {b}; it has {sorted(saved_links - links)} new"
    assert saved_links - links == {(a, b)}, f"unexpected new dependencies: {sorted(saved_links - links)}"
    print(f"linked “{names[a]}” → “{names[b]}” by dragging, saved and found in the file", file=sys.stderr)


if __name__ == "__main__":
    main()
