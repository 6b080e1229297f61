#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Screenshots of the Discovery and Spec workspaces with the example, at the
screen size given (default 1280x720): a person looks at them before a change
to these views is called done. Not a test: run by hand,

    CHARTER_BUILD_ROOT=_build python3 tests/discovery/screenshots.py OUTDIR 1920x1080
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import charterdriver as cd  # noqa: E402

out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
size = sys.argv[2] if len(sys.argv) > 2 else "1280x720"
if os.environ.get("CHARTER_E2E_SESSION") != "1" and not os.environ.get("DISPLAY"):
    os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24",
                           sys.executable] + sys.argv)
cd.ensure_session()

w, h = size.split("x")
with tempfile.TemporaryDirectory() as tmp:
    path = cd.copy_example(tmp)
    with cd.Charter([path]) as app:
        win = app.window()
        wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "."],
                             capture_output=True, text=True).stdout.split()
        print("windows", wid, file=sys.stderr)
        for x in wid:
            subprocess.run(["xdotool", "windowsize", x, w, h])
        time.sleep(1)
        app.switch_workspace("Discovery")
        time.sleep(1)
        app.screenshot(os.path.join(out, f"discovery-board-{size}.png"))
        first = [l for l in cd.find_all(win, role="label")
                 if cd.text_of(l).startswith("Interview: Early") and cd.has_size(l)][0]
        e = first.queryComponent().getExtents(0)
        subprocess.run(["xdotool", "mousemove", str(e.x + 10), str(e.y + 5), "click", "1"])
        time.sleep(1)
        app.screenshot(os.path.join(out, f"discovery-interview-{size}.png"))
        app.switch_workspace("Spec")
        time.sleep(1)
        app.screenshot(os.path.join(out, f"spec-{size}.png"))
        subprocess.run(["xdotool", "mousemove", str(int(w) // 2), str(int(h) // 2)])
        for page in (1, 2):
            subprocess.run(["xdotool", "click", "--repeat", "12", "--delay", "30", "5"])
            time.sleep(0.8)
            app.screenshot(os.path.join(out, f"spec-{size}-{page}.png"))
