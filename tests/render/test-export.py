#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/render/test-export.py: charter-cli export --to pdf|svg|png, checked
# by content: the PDF's text (pdftotext) holds every task name and the launch
# date, the SVG parses and has one labelled element per task, the PNG has
# the asked size; and the errors say what was wrong.
import json, os, struct, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

cli, example = sys.argv[1], sys.argv[2]
failures = 0
n = 0

def check(ok, what):
    global failures, n
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, what))
    if not ok:
        failures += 1

def run(*args):
    return subprocess.run([cli, "export", example, *args], capture_output=True, text=True)

sched = json.loads(subprocess.run([cli, "schedule", example, "--format", "json"],
                                  capture_output=True, text=True, check=True).stdout)
tasks = sched["tasks"]
names = [t["name"] for t in tasks]
ids = [t["id"] for t in tasks]
# The launch: the task the file marks as the launch (the example has one).
plan = json.load(open(example))
launch_ids = [t["id"] for t in plan["plan"]["tasks"] if t.get("launch")]
assert launch_ids, "the example has a launch milestone"
launch = next(t["finish"] for t in tasks if t["id"] == launch_ids[0])

tmp = tempfile.mkdtemp()
print("1..13")

# PDF: the timeline, across pages, with every task name and the launch date.
out = os.path.join(tmp, "timeline.pdf")
r = run("--to", "pdf", "--view", "timeline", "-o", out)
check(r.returncode == 0 and open(out, "rb").read(5) == b"%PDF-", "timeline PDF written: " + r.stderr)
text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True).stdout
missing = [name for name in names if name not in text]
check(not missing, "the PDF's text holds every task name (missing: %r)" % missing)
check(launch in text, "the PDF's text holds the launch date %s" % launch)

# PDF: the spec, vector text on A4 or Letter.
out = os.path.join(tmp, "spec.pdf")
r = run("--to", "pdf", "--view", "spec", "-o", out)
info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
check(r.returncode == 0 and ("A4" in info or "letter" in info.lower()), "spec PDF on A4 or Letter")
spec_text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
check("Problem" in spec_text and "Workout history" in spec_text, "the spec PDF's text is selectable")

# SVG: parses, one <g id="task-ID"> with a <title> per task.
for view in ("timeline", "graph"):
    out = os.path.join(tmp, view + ".svg")
    r = run("--to", "svg", "--view", view, "-o", out)
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    groups = {g.get("id"): g for g in root.iter(ns + "g") if (g.get("id") or "").startswith("task-")}
    labelled = all(groups.get("task-" + i) is not None and
                   groups["task-" + i].find(ns + "title") is not None and
                   groups["task-" + i].find(ns + "title").text.startswith(name)
                   for i, name in zip(ids, names))
    check(r.returncode == 0 and len(groups) == len(ids) and labelled,
          "%s SVG: one labelled element per task (%d for %d)" % (view, len(groups), len(ids)))

# PNG: the asked size.
def png_size(path):
    data = open(path, "rb").read(24)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])

for view, w, h in (("timeline", 1280, 720), ("graph", 1920, 1080)):
    out = os.path.join(tmp, view + ".png")
    r = run("--to", "png", "--view", view, "--width", str(w), "--height", str(h), "-o", out)
    check(r.returncode == 0 and png_size(out) == (w, h), "%s PNG is %dx%d" % (view, w, h))
out = os.path.join(tmp, "wide.png")
r = run("--to", "png", "--width", "800", "-o", out)
check(r.returncode == 0 and png_size(out)[0] == 800, "a PNG with only a width keeps the proportions")

# Errors: usage errors exit 2 and say why.
r = run("--to", "svg", "--view", "spec", "-o", os.path.join(tmp, "x.svg"))
check(r.returncode == 2 and "PDF" in r.stderr, "the spec as SVG is refused: " + r.stderr.strip())
r = run("--to", "pdf", "--view", "slides", "-o", os.path.join(tmp, "x.pdf"))
check(r.returncode == 2 and "slides" in r.stderr, "an unknown view is named: " + r.stderr.strip())
r = run("--to", "png", "--width", "99999", "-o", os.path.join(tmp, "x.png"))
check(r.returncode == 2 and "16384" in r.stderr, "a size out of range is refused: " + r.stderr.strip())
sys.exit(1 if failures else 0)
