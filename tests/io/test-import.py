#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# charter-cli import and export --to mspdi, as a user runs them:
# - a hand-written MSPDI file (data/mspdi-known.xml) schedules to the Start
#   and Finish it stores, task by task (the one mapping, a milestone at the
#   start of a day, is docs/scheduling.md's "Imported plans");
# - what it carries (calendar, teams, links, constraints, check-in,
#   baseline) and the one warning that names what it cannot carry;
# - UTF-16, the format told from the contents, and bad input refused with
#   the file, the line and what was wrong, writing nothing;
# - Charter -> MSPDI -> Charter gives the same schedule, for the example and
#   for random plans;
# - files TaskJuggler (tj3) writes schedule to tj3's dates (skipped without tj3).

import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BUILD = os.environ.get("CHARTER_BUILD_ROOT", ".")
CLI = os.path.join(BUILD, "src", "charter-cli")
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
KNOWN = os.path.join(HERE, "data", "mspdi-known.xml")
EXAMPLE = os.path.join(SRC, "data", "examples", "workout-history.charter")
NS = "{http://schemas.microsoft.com/project}"
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")

failures = 0
passed = 0


def check(cond, what):
    global failures, passed
    if cond:
        passed += 1
    else:
        failures += 1
        print(f"FAIL: {what}", file=sys.stderr)


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, env=ENV)


def schedule(path):
    r = run("schedule", path, "--as-of", "none", "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def dates_by_name(path):
    return {t["name"]: (t["start"], t["finish"]) for t in schedule(path)["tasks"]}


def working(day, holidays):
    return day.weekday() < 5 and day.isoformat() not in holidays


def previous_working(day, holidays):
    day -= datetime.timedelta(days=1)
    while not working(day, holidays):
        day -= datetime.timedelta(days=1)
    return day


def next_working(day, holidays):
    while not working(day, holidays):
        day += datetime.timedelta(days=1)
    return day


def file_dates(xml_path, holidays):
    """Each leaf task's Start and Finish in the file, as Charter's days."""
    root = ET.parse(xml_path).getroot()
    project_start = root.findtext(NS + "StartDate")[:10]
    tasks = root.find(NS + "Tasks").findall(NS + "Task")
    out = {}
    for i, t in enumerate(tasks):
        level = int(t.findtext(NS + "OutlineLevel") or 1)
        nxt = tasks[i + 1] if i + 1 < len(tasks) else None
        if nxt is not None and int(nxt.findtext(NS + "OutlineLevel") or 1) > level:
            continue   # a summary task
        start, finish = t.findtext(NS + "Start"), t.findtext(NS + "Finish")
        s = datetime.date.fromisoformat(start[:10])
        f = datetime.date.fromisoformat(finish[:10])
        if start[11:16] >= "17:00":
            s = next_working(s + datetime.timedelta(days=1), holidays)
        if t.findtext(NS + "Milestone") == "1":
            # A milestone at 08:00 is the end of the working day before it
            # (docs/scheduling.md), unless that is before the project.
            if finish[11:16] <= "08:00" and finish[:10] > project_start:
                f = previous_working(f, holidays)
            s = f
        out[t.findtext(NS + "Name")] = (s.isoformat(), f.isoformat())
    return out


with tempfile.TemporaryDirectory() as tmp:
    # --- The hand-written file ---
    out = os.path.join(tmp, "known.charter")
    r = run("import", KNOWN, "-o", out)
    check(r.returncode == 0, f"import known: {r.stderr}")
    check("part days (Launch)" in r.stderr and "costs (Launch)" in r.stderr, f"warning names Launch: {r.stderr}")
    check("summary tasks" in r.stderr and "(Build)" in r.stderr and "flattened" in r.stderr,
          f"warning says the summary was flattened: {r.stderr}")
    check(r.stderr.count("\n") == 1, f"one warning: {r.stderr!r}")
    doc = json.load(open(out))
    plan = doc["plan"]
    check(plan["calendar"]["start"] == "2025-03-03", "calendar start")
    check(plan["calendar"]["holidays"] == ["2025-03-12"], f"holidays {plan['calendar']}")
    check([(t["name"], t.get("capacity")) for t in plan["teams"]] == [("Platform", 2)], f"teams {plan['teams']}")
    tasks = {t["name"]: t for t in plan["tasks"]}
    check("Build" not in tasks and "Known" not in tasks, "summary tasks are not tasks")
    check(tasks["Backend"].get("team_id") == plan["teams"][0]["id"], "first assignment is the team")
    check(tasks["Design"]["duration"] == 3 and tasks["Sign-off"].get("milestone") is True, "durations, milestone")
    check(tasks["Review"].get("start_no_earlier_than") == "2025-03-18", "start no earlier than")
    check(tasks["Review"].get("finish_no_later_than") == "2025-03-20", "deadline")
    ids = {t["id"]: t["name"] for t in plan["tasks"]}
    links = sorted((ids[d["predecessor"]], ids[d["successor"]], d.get("kind", "finish-to-start"), d.get("lag", 0))
                   for d in plan["dependencies"])
    check(("Design", "Backend", "finish-to-start", 0) in links and ("Design", "Frontend", "finish-to-start", 0) in links,
          f"the summary's link applies to its tasks: {links}")
    check(("Backend", "Frontend", "start-to-start", 2) in links, "start-to-start, lag 2 days (LinkLag 9600)")
    check(("Frontend", "Docs", "finish-to-finish", 0) in links, "finish-to-finish")
    check(("Review", "Sign-off", "start-to-finish", 1) in links, "start-to-finish, lag 1 day")
    check(("Backend", "Launch", "finish-to-start", 0) in links and ("Frontend", "Launch", "finish-to-start", 0) in links,
          "a link from a summary comes from its tasks")
    check(len(plan["check_ins"]) == 1 and plan["check_ins"][0]["date"] == "2025-03-05", f"check-in {plan['check_ins']}")
    statuses = plan["check_ins"][0]["statuses"]
    check(len(statuses) == 1 and ids[statuses[0]["task_id"]] == "Design" and statuses[0].get("state") == "done",
          f"percent complete as a check-in: {statuses}")
    check(len(plan["baselines"]) == 1 and plan["baselines"][0]["entries"][0]["finish"] == "2025-03-04",
          f"baseline {plan['baselines']}")

    want = file_dates(KNOWN, {"2025-03-12"})
    got = dates_by_name(out)
    check(set(want) == set(got), f"same tasks {sorted(want)} {sorted(got)}")
    for name, dates in want.items():
        check(got.get(name) == dates, f"{name}: file {dates}, Charter {got.get(name)}")

    # --- UTF-16, and the format from the contents, not the name ---
    text = open(KNOWN, encoding="utf-8").read().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    utf16 = os.path.join(tmp, "known-utf16.dat")
    with open(utf16, "wb") as f:
        f.write(text.encode("utf-16"))
    out16 = os.path.join(tmp, "known16.charter")
    r = run("import", utf16, "-o", out16)
    check(r.returncode == 0, f"UTF-16 import: {r.stderr}")
    if r.returncode == 0:
        check(dates_by_name(out16) == got, "UTF-16 gives the same plan")

    # --- Bad input: refused with file and line, nothing written ---
    def refused(name, content, *needles):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())
        target = os.path.join(tmp, name + ".charter")
        res = run("import", path, "-o", target)
        check(res.returncode == 1, f"{name}: exit 1, got {res.returncode} {res.stderr}")
        check(not os.path.exists(target), f"{name}: nothing written")
        for n in needles:
            check(n in res.stderr, f"{name}: “{n}” in {res.stderr!r}")

    head = '<?xml version="1.0"?>\n'
    bomb = head + '<!DOCTYPE Project [\n <!ENTITY a "aaaaaaaaaa">\n' + "".join(
        f' <!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9)) + \
        ']>\n<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><Name>&j;</Name></Task></Tasks></Project>\n'
    refused("bomb.xml", bomb, "bomb.xml: line 2", "document type declaration")
    xxe = head + '<!DOCTYPE Project [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n' + \
        '<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name><Tasks/></Project>\n'
    refused("xxe.xml", xxe, "xxe.xml: line 2", "document type declaration")
    truncated = open(KNOWN, encoding="utf-8").read()[:3000]
    refused("truncated.xml", truncated, "truncated.xml: line ", "not well-formed")
    bad_duration = open(KNOWN, encoding="utf-8").read().replace("PT40H0M0S", "PT40X", 1)
    refused("bad-duration.xml", bad_duration, "bad-duration.xml: line 44", "Duration “PT40X”")
    bad_link = open(KNOWN, encoding="utf-8").read().replace("<PredecessorUID>6<", "<PredecessorUID>66<", 1)
    refused("bad-link.xml", bad_link, "bad-link.xml: line ", "PredecessorUID “66”")
    refused("not-a-plan.txt", "hello, world\n", "not-a-plan.txt: not a format Charter imports")
    big = os.path.join(tmp, "big.xml")
    with open(big, "wb") as f:
        f.write(b'<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks>')
        f.truncate(65 * 1024 * 1024)
    res = run("import", big, "-o", big + ".charter")
    check(res.returncode == 1 and "larger than" in res.stderr and not os.path.exists(big + ".charter"),
          f"65 MB refused: {res.stderr}")
    os.unlink(big)

    # --- Round trip: Charter -> MSPDI -> Charter, same schedule ---
    def round_trip(path, label):
        xml = os.path.join(tmp, "rt.xml")
        back = os.path.join(tmp, "rt.charter")
        res = run("export", path, "--to", "mspdi", "-o", xml)
        check(res.returncode == 0, f"{label}: export {res.stderr}")
        res = run("import", xml, "-o", back)
        check(res.returncode == 0, f"{label}: import {res.stderr}")
        a, b = schedule(path), schedule(back)
        check([(t["name"], t["start"], t["finish"]) for t in a["tasks"]] ==
              [(t["name"], t["start"], t["finish"]) for t in b["tasks"]], f"{label}: same schedule")
        # Risks are not in MSPDI: the buffer they make is not compared.
        keep = ("start", "finish", "working_days")
        check([a["project"].get(k) for k in keep] == [b["project"].get(k) for k in keep],
              f"{label}: same project dates {a['project']} {b['project']}")

    round_trip(EXAMPLE, "example")

    kinds = ["finish-to-start", "start-to-start", "finish-to-finish", "start-to-finish"]
    for seed in range(12):
        rnd = random.Random(seed)
        start = datetime.date(2026, 1, 5) + datetime.timedelta(days=rnd.randrange(0, 60))
        holidays = sorted({(start + datetime.timedelta(days=rnd.randrange(0, 150))).isoformat()
                           for _ in range(rnd.randrange(0, 6))})
        teams = [{"id": f"team{k}", "name": f"Team {k}", "capacity": rnd.randrange(1, 3),
                  "commitments": ([{"id": f"c{k}", "start": (start + datetime.timedelta(days=10)).isoformat(),
                                    "finish": (start + datetime.timedelta(days=17)).isoformat(), "reason": "Away"}]
                                  if rnd.random() < 0.4 else [])} for k in range(3)]
        tasks, deps = [], []
        n = rnd.randrange(5, 40)
        for i in range(n):
            milestone = rnd.random() < 0.1
            t = {"id": f"t{i}", "name": f"Task {i}", "duration": 0 if milestone else rnd.randrange(1, 12),
                 "milestone": milestone}
            if rnd.random() < 0.6 and not milestone:
                t["team_id"] = f"team{rnd.randrange(3)}"
            if rnd.random() < 0.1:
                t["start_no_earlier_than"] = (start + datetime.timedelta(days=rnd.randrange(0, 40))).isoformat()
            if rnd.random() < 0.1:
                t["finish_no_later_than"] = (start + datetime.timedelta(days=rnd.randrange(20, 90))).isoformat()
            tasks.append(t)
            if i > 0:
                for p in sorted({rnd.randrange(max(0, i - 10), i) for _ in range(rnd.randrange(0, 3))}):
                    deps.append({"id": f"d{len(deps)}", "predecessor": f"t{p}", "successor": f"t{i}",
                                 "kind": rnd.choice(kinds) if not milestone else "finish-to-start",
                                 "lag": rnd.choice([0, 0, 1, 3, -1])})
        if rnd.random() < 0.5:
            tasks[-1]["launch"] = True
        doc = {"format": "charter", "version": 1,
               "discovery": {"participants": [], "interviews": [], "insights": [], "needs": []}, "spec": {},
               "plan": {"calendar": {"start": start.isoformat(), "holidays": holidays,
                                     "no_launch_days": ["friday"] if rnd.random() < 0.5 else []},
                        "teams": teams, "tasks": tasks, "dependencies": deps,
                        "risks": [], "baselines": [], "check_ins": [], "scope_changes": []}}
        path = os.path.join(tmp, f"random{seed}.charter")
        with open(path, "w") as f:
            json.dump(doc, f)
        round_trip(path, f"random plan {seed}")

    # --- CSV: RFC 4180 with a BOM, ';', quotes and newlines in fields ---
    csv_text = ('\ufeffID;Task Name;Duration;Predecessors;Resource Names;Notes\r\n'
                '1;Design;3 days;;Platform;"a; b"\r\n'
                '2;"Build ""core""";5d;1;Platform;"line one\nline two"\r\n'
                '3;Test;16h;"2FS+1d;1SS";QA;\r\n'
                '4;Ship;0d;3;;\r\n')
    csv_path = os.path.join(tmp, "tasks.txt")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_text)
    csv_out = os.path.join(tmp, "tasks.charter")
    r = run("import", csv_path, "-o", csv_out)
    check(r.returncode == 0, f"CSV import: {r.stderr}")
    if r.returncode == 0:
        plan = json.load(open(csv_out))["plan"]
        names = [t["name"] for t in plan["tasks"]]
        check(names == ["Design", 'Build "core"', "Test", "Ship"], f"CSV names {names}")
        got = dates_by_name(csv_out)
        # No Start column: the default start, Mon 5 Jan 2026; worked by hand.
        check(got == {"Design": ("2026-01-05", "2026-01-07"), 'Build "core"': ("2026-01-08", "2026-01-14"),
                      "Test": ("2026-01-16", "2026-01-19"), "Ship": ("2026-01-19", "2026-01-19")}, f"CSV dates {got}")
        links = sorted((x["predecessor"], x["successor"], x.get("kind", "finish-to-start"), x.get("lag", 0))
                       for x in plan["dependencies"])
        check(links == [("t1", "t2", "finish-to-start", 0), ("t1", "t3", "start-to-start", 0),
                        ("t2", "t3", "finish-to-start", 1), ("t3", "t4", "finish-to-start", 0)], f"CSV links {links}")
        check([t.get("name") for t in plan["teams"]] == ["Platform", "QA"], "CSV teams")
        check(plan["tasks"][2]["duration"] == 2 and plan["tasks"][3].get("milestone") is True,
              "16h is 2 days, 0d a milestone")
    refused("ragged.csv", "Name,Duration\nA,1d\nB,2d,extra\n", "ragged.csv: line 3", "3 fields where the header has 2")
    refused("bad-pred.csv", "ID,Name,Duration,Predecessors\n1,A,1d,\n2,B,2d,9FS\n", "bad-pred.csv: line 3",
            "Predecessors “9FS”")
    refused("circle.csv", "ID,Name,Predecessors\n1,A,2\n2,B,1\n3,C,\n", "circle.csv: the links go round",
            "“A”, “B”")
    refused("open-quote.csv", 'Name,Duration\n"A,1d\n', "open-quote.csv: line 2", "never closed")

    def csv_round_trip(path, label):
        exported = os.path.join(tmp, "rt.csv")
        back = os.path.join(tmp, "rt-csv.charter")
        res = run("export", path, "--to", "csv", "-o", exported)
        check(res.returncode == 0, f"{label}: export csv {res.stderr}")
        res = run("import", exported, "-o", back)
        check(res.returncode == 0, f"{label}: import csv {res.stderr}")
        a, b = schedule(path), schedule(back)
        check([(t["name"], t["start"], t["finish"]) for t in a["tasks"]] ==
              [(t["name"], t["start"], t["finish"]) for t in b["tasks"]], f"{label}: same schedule through CSV")

    # CSV carries no calendar, capacity or commitments: plans without them.
    for seed in range(6):
        rnd = random.Random(100 + seed)
        tasks, deps = [], []
        for i in range(rnd.randrange(3, 25)):
            t = {"id": f"t{i}", "name": f'Task, "{i}"\nline', "duration": rnd.randrange(1, 9)}
            if rnd.random() < 0.5:
                t["team_id"] = f"team{rnd.randrange(2)}"
            tasks.append(t)
            if i > 0:
                for p in sorted({rnd.randrange(max(0, i - 6), i) for _ in range(rnd.randrange(0, 3))}):
                    deps.append({"id": f"d{len(deps)}", "predecessor": f"t{p}", "successor": f"t{i}",
                                 "kind": rnd.choice(kinds), "lag": rnd.choice([0, 2, -1])})
        doc = {"format": "charter", "version": 1,
               "discovery": {"participants": [], "interviews": [], "insights": [], "needs": []}, "spec": {},
               "plan": {"calendar": {"start": "2026-03-02"},
                        "teams": [{"id": "team0", "name": "A; team"}, {"id": "team1", "name": "B"}],
                        "tasks": tasks, "dependencies": deps,
                        "risks": [], "baselines": [], "check_ins": [], "scope_changes": []}}
        path = os.path.join(tmp, f"csv{seed}.charter")
        with open(path, "w") as f:
            json.dump(doc, f)
        csv_round_trip(path, f"CSV random plan {seed}")

    # --- GNOME Planner: the dates the file stores ---
    planner = os.path.join(HERE, "data", "known.planner")
    pout = os.path.join(tmp, "planner.charter")
    r = run("import", planner, "-o", pout)
    check(r.returncode == 0, f"Planner import: {r.stderr}")
    check("(Build)" in r.stderr and "flattened" in r.stderr, f"Planner warning names the group: {r.stderr}")
    if r.returncode == 0:
        pplan = json.load(open(pout))["plan"]
        check(pplan["calendar"].get("holidays") == ["2025-03-12"], "Planner non-working day")
        check([t["name"] for t in pplan["teams"]] == ["Platform"], "Planner resource as team")
        got = dates_by_name(pout)
        for t in ET.parse(planner).getroot().iter("task"):
            if t.find("task") is not None:
                continue
            s, e = t.get("start"), t.get("end")
            want = (f"{s[:4]}-{s[4:6]}-{s[6:8]}", f"{e[:4]}-{e[4:6]}-{e[6:8]}")
            if t.get("type") == "milestone":
                want = (want[1], want[1])
            check(got.get(t.get("name")) == want, f"Planner {t.get('name')}: file {want}, Charter {got.get(t.get('name'))}")
    refused("dtd.planner", '<?xml version="1.0"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            '<project mrproject-version="2"><tasks/></project>\n', "dtd.planner: line 2", "document type declaration")

    # --- iCalendar export: milestones, the launch, check-ins, commitments ---
    ics = os.path.join(tmp, "plan.ics")
    r = subprocess.run([CLI, "export", EXAMPLE, "--to", "ics", "-o", ics], capture_output=True, text=True,
                       env=dict(ENV, SOURCE_DATE_EPOCH="0"))
    check(r.returncode == 0, f"ics export: {r.stderr}")
    raw = open(ics, "rb").read()
    check(all(len(line) <= 75 for line in raw.split(b"\r\n")), "ics lines folded at 75 octets")
    check(raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n"), "ics calendar")
    text = raw.decode().replace("\r\n ", "")
    events = text.split("BEGIN:VEVENT")[1:]
    forecast = {t["name"]: t for t in json.loads(run("schedule", EXAMPLE, "--format", "json").stdout)["tasks"]}
    launch = [e for e in events if "SUMMARY:Launch: Launch workout history" in e]
    want_day = forecast["Launch workout history"]["start"].replace("-", "")
    check(len(launch) == 1 and f"DTSTART;VALUE=DATE:{want_day}" in launch[0], f"launch on its forecast day {want_day}")
    check(sum("CATEGORIES:Check-in" in e for e in events) == len(json.load(open(EXAMPLE))["plan"]["check_ins"]),
          "one event per check-in")
    busy = [e for e in events if "CATEGORIES:Commitment" in e]
    check(len(busy) == 1 and "DTSTART;VALUE=DATE:20270118" in busy[0] and "DTEND;VALUE=DATE:20270313" in busy[0],
          "the commitment, DTEND exclusive")
    check("DTSTAMP:19700101T000000Z" in text, "SOURCE_DATE_EPOCH gives a reproducible DTSTAMP")

    # --- Files TaskJuggler writes ---
    if shutil.which("tj3"):
        tjp = os.path.join(tmp, "tj.tjp")
        with open(tjp, "w") as f:
            f.write('project p "TJ" 2025-03-03 +1y {\n timezone "UTC"\n'
                    ' workinghours mon - fri 9:00 - 17:00\n workinghours sat, sun off\n dailyworkinghours 8\n}\n'
                    'resource dev "Dev"\n'
                    'task a "A" { length 3d allocate dev }\n'
                    'task g "Group" {\n task b "B" { depends a { gaplength 2d } length 4d }\n'
                    ' task c "C" { depends a { onstart } length 2d }\n}\n'
                    'task d "D" { depends g.b length 1d }\n'
                    'task m "M" { depends g milestone }\n'
                    'export "tj" { formats mspxml }\n')
        res = subprocess.run(["tj3", "--silent", "-o", tmp, tjp], capture_output=True, text=True, timeout=300)
        check(res.returncode == 0, f"tj3: {res.stdout}{res.stderr}")
        tjxml = os.path.join(tmp, "tj.xml")
        out = os.path.join(tmp, "tj.charter")
        res = run("import", tjxml, "-o", out)
        check(res.returncode == 0, f"import tj3's file: {res.stderr}")
        want = file_dates(tjxml, set())
        got = dates_by_name(out)
        for name, dates in want.items():
            check(got.get(name) == dates, f"tj3 {name}: file {dates}, Charter {got.get(name)}")
    else:
        print("tj3 is not installed: the TaskJuggler part is skipped")

print(f"{passed} passed, {failures} failed")
sys.exit(1 if failures else 0)
