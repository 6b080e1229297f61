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

    # Reforecasting from a check-in (docs/scheduling.md, "Reforecasting").
    # Fri 21 Mar the API (planned to Fri 28 Mar: 5 working days left) has 9
    # left: Thu 3 Apr. Its finish only drives "Offline sync", which had 5
    # days of float: sync moves 4 days and the launch not at all. With 11
    # left (Mon 7 Apr) sync ends Mon 14 Apr, Beta falls on it, and the
    # launch, 4 working days later with Good Friday and Easter Monday off,
    # moves from Thu 17 to Tue 22 Apr: 1 working day.
    def with_check_in(remaining):
        plan = copy.deepcopy(base)
        plan["plan"]["check_ins"] = [{
            "id": "c1", "date": "2025-03-21", "notes": "API slower than hoped.",
            "statuses": [{"id": "c1-api", "task_id": "api", "state": "at-risk", "percent_complete": 50,
                          "remaining": remaining, "blockers": "Load tests | flaky"}]}]
        plan["plan"]["baselines"] = [
            {"id": "b0", "name": "First try", "date": "2025-02-01",
             "entries": [{"id": "b0-api", "task_id": "api", "start": "2025-03-03", "finish": "2025-03-21"}]},
            {"id": "b1", "name": "Agreed", "date": "2025-03-01",
             "entries": [{"id": "b1-api", "task_id": "api", "start": "2025-03-10", "finish": "2025-03-28"},
                         {"id": "b1-launch", "task_id": "launch", "start": "2025-04-17", "finish": "2025-04-17"}]}]
        plan["plan"]["scope_changes"] = [
            {"id": "s1", "what": "Offline maps", "why": "Riders lose signal", "cost": 5, "raised_on": "2025-03-21"},
            {"id": "s2", "what": "Dark mode", "cost": 2, "decision": "accept-slip", "decided_on": "2025-03-20"}]
        return write(f"check-in-{remaining}.charter", json.dumps(plan))

    nine = with_check_in(9)
    r = run("schedule", nine, "--format", "json")
    out = json.loads(r.stdout) if r.returncode == 0 else {"project": {}, "tasks": []}
    tasks = {t["id"]: t for t in out["tasks"]}
    check(out["project"].get("status_date") == "2025-03-21", f"status_date: {out['project']}")
    check(tasks.get("api", {}).get("finish") == "2025-04-03" and tasks["api"].get("remaining_days") == 9,
          f"api finishes on the 9th working day after the status date: {tasks.get('api')}")
    check("remaining_days" not in tasks.get("ui", {"remaining_days": 0}), "remaining_days only where a check-in gives it")
    check(tasks.get("sync", {}).get("finish") == "2025-04-10" and tasks["sync"]["total_float_days"] == 1,
          f"sync uses 4 of its 5 days of float: {tasks.get('sync')}")
    check(tasks.get("launch", {}).get("finish") == "2025-04-17", "the launch does not move while float absorbs it")
    check(out["project"].get("baseline") == "b1" and out["project"].get("launch_slip_days") == 0,
          f"the newest baseline: {out['project']}")
    check(tasks.get("api", {}).get("baseline_finish") == "2025-03-28" and tasks["api"].get("slip_days") == 4,
          f"api slips 4 working days against the baseline: {tasks.get('api')}")
    check("baseline_finish" not in tasks.get("ui", {"baseline_finish": 0}), "no slip for a task the baseline lacks")

    eleven = with_check_in(11)
    r = run("schedule", eleven, "--format", "json")
    out = json.loads(r.stdout) if r.returncode == 0 else {"project": {}, "tasks": []}
    tasks = {t["id"]: t for t in out["tasks"]}
    check(tasks.get("api", {}).get("finish") == "2025-04-07" and tasks.get("sync", {}).get("finish") == "2025-04-14"
          and tasks.get("launch", {}).get("finish") == "2025-04-22" and out["project"].get("launch_slip_days") == 1,
          f"11 days left move the launch by one working day: {[(t['id'], t['finish']) for t in out['tasks']]}")
    check(out.get("critical_path") == ["api", "sync", "beta", "launch"], f"critical path: {out.get('critical_path')}")
    r = run("explain", eleven)
    check(r.returncode == 0 and "“Launch” moves 1 working day later since the check-in of Fri 21 Mar 2025 "
          "(to Tue 22 Apr 2025): “Workout history API” has 11 working days remaining, 6 more than planned." in r.stdout,
          f"explain says what moved and why: {r.stdout}")

    # --as-of: none is the plan without check-ins, byte for byte; a date
    # before the check-in means none; a bad value is a usage error.
    plain = copy.deepcopy(json.load(open(eleven, encoding="utf-8")))
    plain["plan"]["check_ins"] = []
    r_none = run("schedule", eleven, "--format", "json", "--as-of", "none")
    r_plain = run("schedule", write("plain.charter", json.dumps(plain)), "--format", "json")
    check(r_none.returncode == 0 and r_none.stdout == r_plain.stdout, "--as-of none equals the plan without check-ins")
    check("status_date" not in json.loads(r_none.stdout)["project"], "no status_date without a check-in")
    r = run("schedule", eleven, "--format", "json", "--as-of", "2025-03-20")
    check(r.returncode == 0 and r.stdout == r_plain.stdout, "--as-of a day before the only check-in")
    r = run("schedule", eleven, "--format", "json", "--as-of", "2025-03-21")
    check(r.returncode == 0 and json.loads(r.stdout)["project"].get("status_date") == "2025-03-21",
          "--as-of the check-in's own day uses it")
    r = run("schedule", eleven, "--as-of", "soon")
    check(r.returncode == 2 and "--as-of" in r.stderr and r.stdout == "", f"bad --as-of is a usage error: {r.stderr}")

    r = run("schedule", eleven, "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    check(rows.get("api", {}).get("remaining_days") == "11" and rows["api"].get("slip_days") == "6"
          and rows["api"].get("baseline_finish") == "2025-03-28" and rows.get("ui", {}).get("slip_days") == "",
          f"csv columns: {rows.get('api')}")
    r = run("schedule", eleven)
    check(r.returncode == 0 and "Status date: 2025-03-21" in r.stdout
          and "Against the baseline “Agreed”: the launch +1 working day" in r.stdout,
          f"table header: {r.stdout[:400]}")

    # The check-in summary.
    r = run("export", eleven, "--to", "markdown", "--what", "check-in")
    md = r.stdout
    check(r.returncode == 0 and md.startswith("# Check-in of Fri 21 Mar 2025\n\nAPI slower than hoped.\n"),
          f"summary heading: {md[:200]}")
    check("**Forecast:** “Launch” on Tue 22 Apr 2025, +1 working day against the baseline “Agreed”." in md,
          "summary forecast")
    check("## What moved and why\n\n“Launch” moves 1 working day later" in md, "summary: what moved")
    check("| Workout history API | Backend | at risk | 50 % | 11 working days | Mon 7 Apr 2025 | +6 |" in md,
          f"summary: status by task: {md}")
    check("- **Workout history API** (at risk): Load tests | flaky" in md, "summary: blockers")
    check("- **Offline maps**: Riders lose signal (costs 5 working days; raised on 2025-03-21;" in md
          and "Dark mode" not in md, "summary: decisions needed are the pending requests only")
    r = run("export", eleven, "--what", "check-in", "--as-of", "2025-03-20")
    check(r.returncode == 1 and "no check-in on or before 2025-03-20" in r.stderr and r.stdout == "",
          f"no check-in to summarise: {r.stderr}")
    r = run("export", WORKOUT, "--what", "check-in")
    check(r.returncode == 1 and r.stdout == "", "a plan without check-ins has no summary")
    check(run("export", eleven, "--what", "spec").stdout == run("export", eleven).stdout,
          "--what spec is the default")
    check(run("export", eleven, "--what", "minutes").returncode == 2, "unknown --what is a usage error")
    check(run("export", eleven, "--as-of", "2025-03-21").returncode == 2, "--as-of needs --what check-in")

print(f"{passed} passed, {failures} failed")
sys.exit(1 if failures else 0)
