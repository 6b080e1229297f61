#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# charter-cli schedule and explain as a user runs them: output parsed (JSON,
# CSV), dates checked against the hand-worked plan in data/workout.charter,
# exit statuses and messages for bad input.

import copy
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

BUILD = os.environ.get("CHARTER_BUILD_ROOT", ".")
CLI = os.path.join(BUILD, "src", "charter-cli")
HERE = os.path.dirname(os.path.abspath(__file__))
WORKOUT = os.path.join(HERE, "data", "workout.charter")

failures = 0
passed = 0


# Sentences and day names are checked in English, whatever the tester's locale.
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60, env=ENV)


def check(cond, what):
    global failures, passed
    if cond:
        passed += 1
    else:
        failures += 1
        print(f"FAIL: {what}", file=sys.stderr)


# Hand-worked dates (docs/scheduling.md conventions): Backend is committed
# Mon 3 - Fri 7 March, so the API starts Mon 10 March and takes 15 working days;
# the screen starts 5 working days after the API starts; QA overlaps the screen's
# last week; Beta falls on QA's finish; Launch is 4 working days later (Thu 17 April;
# Good Friday 18 April is a holiday anyway).
EXPECTED = {
    "api": ("2025-03-10", "2025-03-28", 15, 0, True),
    "ui": ("2025-03-17", "2025-04-04", 15, 0, True),
    "sync": ("2025-03-31", "2025-04-04", 5, 5, False),
    "qa": ("2025-03-31", "2025-04-11", 10, 0, True),
    "beta": ("2025-04-11", "2025-04-11", 0, 0, True),
    "launch": ("2025-04-17", "2025-04-17", 0, 0, True),
}

# JSON
r = run("schedule", WORKOUT, "--format", "json")
check(r.returncode == 0, f"schedule json exits 0 (got {r.returncode}: {r.stderr})")
doc = json.loads(r.stdout)
check(set(doc) >= {"project", "tasks", "critical_path", "warnings"}, "top-level members")
project = doc["project"]
check(project["start"] == "2025-03-03", "project start")
check(project["finish"] == "2025-04-17", f"project finish {project['finish']}")
check(project["working_days"] == 34, f"working days {project['working_days']}")
check("p50" not in project, "no percentiles without --simulate")
check(isinstance(doc["warnings"], list) and doc["warnings"] == [], f"no warnings: {doc['warnings']}")
check([t["id"] for t in doc["tasks"]] == list(EXPECTED), "tasks in document order")
for t in doc["tasks"]:
    for member, kind in (("id", str), ("name", str), ("start", str), ("finish", str),
                         ("duration_days", int), ("total_float_days", int),
                         ("free_float_days", int), ("critical", bool), ("driver", str)):
        check(isinstance(t.get(member), kind), f"{t['id']}.{member} is {kind.__name__}")
    check("team" in t and (t["team"] is None or isinstance(t["team"], str)), f"{t['id']}.team")
    start, finish, days, total_float, critical = EXPECTED[t["id"]]
    got = (t["start"], t["finish"], t["duration_days"], t["total_float_days"], t["critical"])
    check(got == (start, finish, days, total_float, critical), f"{t['id']}: {got}")
check(doc["tasks"][0]["team"] == "backend" and doc["tasks"][0]["team_name"] == "Backend", "team id and name")
check(doc["tasks"][4]["team"] is None, "milestone without team")
check("Spring sale support" in doc["tasks"][0]["driver"], "driver names the commitment")
check(doc["tasks"][1]["driver"] == "5 working days after “Workout history API” starts", "driver of ui")
check(doc["critical_path"] == ["api", "ui", "qa", "beta", "launch"], f"critical path {doc['critical_path']}")

# Simulation: percentiles ordered, reproducible with a seed.
r1 = run("schedule", WORKOUT, "--format", "json", "--simulate", "500", "--seed", "42")
r2 = run("schedule", WORKOUT, "--format", "json", "--simulate", "500", "--seed", "42")
check(r1.returncode == 0 and r1.stdout == r2.stdout, "simulation is reproducible")
p = json.loads(r1.stdout)["project"]
check(p["p50"] <= p["p80"] <= p["p95"], f"percentiles ordered {p}")
check(p["p50"] >= "2025-04-11", "p50 not absurdly early")
crit = {t["id"]: t["criticality"] for t in json.loads(r1.stdout)["tasks"]}
check(all(0.0 <= c <= 1.0 for c in crit.values()), "criticality in [0, 1]")
check(crit["launch"] == 1.0, "launch always critical")
# Each risk's effect on P80; the old file's risk (likelihood medium, 6 days of
# contingency: 30 %, 6 days) is on "sync", which has 5 days of float.
risks = json.loads(r1.stdout)["risks"]
check([k["id"] for k in risks] == ["r1"] and isinstance(risks[0]["p80_effect_days"], int)
      and risks[0]["p80_effect_days"] >= 0, f"risks with --simulate: {risks}")
check("risks" not in doc, "no risks member without --simulate")

# CSV agrees with JSON.
r = run("schedule", WORKOUT, "--format", "csv")
check(r.returncode == 0, "schedule csv exits 0")
rows = list(csv.DictReader(io.StringIO(r.stdout)))
check(len(rows) == 6, "six csv rows")
for row in rows:
    start, finish, days, total_float, critical = EXPECTED[row["id"]]
    check((row["start"], row["finish"], int(row["duration_days"]), row["critical"]) ==
          (start, finish, days, "true" if critical else "false"), f"csv {row['id']}")

# Table: readable, marks critical tasks.
r = run("schedule", WORKOUT)
check(r.returncode == 0 and "Workout history API" in r.stdout and "★" in r.stdout, "table")
check("2025-03-03 → 2025-04-17" in r.stdout, "table headline")

# Explain.
r = run("explain", WORKOUT)
check(r.returncode == 0 and "Critical path: Workout history API (15 days) → History screen (15 days)" in r.stdout,
      f"explain: {r.stdout}")
check("34 working days, not 40 working days" in r.stdout, "explain compares with the sum")
check("“QA pass” overlaps “History screen” by 1 week" in r.stdout, "explain names the overlap")
r = run("explain", WORKOUT, "QA PASS")
check(r.returncode == 0 and "Why it starts then: overlaps the last 5 working days of “History screen”" in r.stdout,
      f"explain task by name: {r.stdout}")
r = run("explain", WORKOUT, "sync")
check(r.returncode == 0 and "can slip 5 working days" in r.stdout, f"explain task by id: {r.stdout}")
r = run("explain", WORKOUT, "nothing-like-this")
check(r.returncode == 1 and "nothing-like-this" in r.stderr and r.stdout == "", "unknown task")

# Help and usage.
for cmd in ("schedule", "explain"):
    r = run(cmd, "--help")
    check(r.returncode == 0 and cmd in r.stdout, f"{cmd} --help")
r = run("schedule", WORKOUT, "--format", "xml")
check(r.returncode == 2 and "xml" in r.stderr, "unknown format is a usage error")
r = run("schedule")
check(r.returncode == 2 and r.stderr, "missing file is a usage error")

# Bad input: exit 1, a message on stderr, nothing on stdout.
with tempfile.TemporaryDirectory() as tmp:
    def write(name, content):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        return path

    base = json.load(open(WORKOUT, encoding="utf-8"))

    cyclic = copy.deepcopy(base)
    cyclic["plan"]["dependencies"].append({"id": "back", "predecessor": "launch", "successor": "api"})
    path = write("cycle.charter", json.dumps(cyclic))
    for cmd in ("schedule", "explain"):
        r = run(cmd, path)
        check(r.returncode == 1 and "circle" in r.stderr and "“Workout history API” → " in r.stderr
              and r.stdout == "", f"{cmd} cycle: {r.returncode} {r.stderr}")

    no_days = copy.deepcopy(base)
    no_days["plan"]["calendar"]["working_days"] = []
    r = run("schedule", write("nodays.charter", json.dumps(no_days)))
    check(r.returncode == 1 and r.stderr and r.stdout == "", f"no working days: {r.stderr}")

    r = run("schedule", write("broken.charter", "{ not json"))
    check(r.returncode == 1 and r.stderr and r.stdout == "", "not JSON")

    r = run("schedule", os.path.join(tmp, "missing.charter"))
    check(r.returncode == 1 and r.stderr and r.stdout == "", "missing file")

    # A certain risk, without estimates: QA takes 13 days (to Wed 16 April), Beta
    # then, Launch 4 working days later past the Easter holidays: Thu 24 April,
    # 3 working days after the plan's Thu 17 April, in every run.
    certain = copy.deepcopy(base)
    for t in certain["plan"]["tasks"]:
        t.pop("optimistic", None)
        t.pop("pessimistic", None)
    certain["plan"]["risks"] = [{"id": "qa-late", "description": "QA finds more", "probability": 100,
                                 "impact_days": 3, "task_ids": ["qa"]},
                                {"id": "never", "description": "Never", "probability": 0,
                                 "impact_days": 30, "task_ids": ["api"]}]
    path = write("certain.charter", json.dumps(certain))
    r = run("schedule", path, "--format", "json", "--simulate", "100", "--seed", "5")
    out = json.loads(r.stdout) if r.returncode == 0 else {}
    p = out.get("project", {})
    check(r.returncode == 0 and p.get("finish") == "2025-04-17"
          and (p.get("p50"), p.get("p80"), p.get("p95")) == ("2025-04-24",) * 3,
          f"certain risk moves every run: {p}")
    check(p.get("buffer_days") == 3, f"buffer is P80 minus the plan's finish: {p.get('buffer_days')}")
    check(out.get("risks") == [{"id": "qa-late", "p80_effect_days": 3}, {"id": "never", "p80_effect_days": 0}],
          f"risk effects: {out.get('risks')}")
    r = run("schedule", path, "--simulate", "100")
    check(r.returncode == 0 and "+3 working days  QA finds more" in r.stdout
          and r.stdout.index("QA finds more") < r.stdout.index("Never"), f"table lists risks by effect: {r.stdout}")

    # An old file's risk (likelihood medium, contingency 6, no probability or
    # impact_days) forecasts exactly as one that says 30 % and 6 days.
    explicit = copy.deepcopy(base)
    explicit["plan"]["risks"][0].update({"probability": 30, "impact_days": 6})
    r_old = run("schedule", WORKOUT, "--format", "json", "--simulate", "300", "--seed", "9")
    r_new = run("schedule", write("explicit.charter", json.dumps(explicit)), "--format", "json",
                "--simulate", "300", "--seed", "9")
    check(r_old.returncode == 0 and r_old.stdout == r_new.stdout, "old risk members read as 30 % and the contingency")
    explicit["plan"]["risks"][0].update({"probability": 31})
    r_new = run("schedule", write("explicit.charter", json.dumps(explicit)), "--format", "json",
                "--simulate", "300", "--seed", "9")
    check(r_new.returncode == 0 and json.loads(r_new.stdout)["project"]["p95"] >= json.loads(r_old.stdout)["project"]["p95"],
          "a likelier risk forecasts no earlier")

    late = copy.deepcopy(base)
    late["plan"]["tasks"][5]["finish_no_later_than"] = "2025-04-10"
    r = run("schedule", write("late.charter", json.dumps(late)), "--format", "json")
    out = json.loads(r.stdout) if r.returncode == 0 else {}
    check(r.returncode == 0 and len(out.get("warnings", [])) == 1 and "Launch" in out["warnings"][0],
          "missed deadline is a warning")
    check(out and out["tasks"][5]["finish"] == "2025-04-17" and out["tasks"][5]["total_float_days"] < 0,
          "missed deadline is not moved")

print(f"{passed} passed, {failures} failed")
sys.exit(1 if failures else 0)
