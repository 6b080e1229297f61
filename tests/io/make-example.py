#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-example.py: writes data/examples/workout-history.charter, the seed story
# (/work/shared/seed-product-vs-program.txt) as a Charter document.
#
# Insights are passages of the interview notes: this script finds each quote
# in its interview's notes and stores its character range, so that start/end
# always match the text (test-example.c checks it). The JSON it prints is then
# put into canonical form with `charter-cli normalize`.
#
# The baseline is the schedule Charter computed when the plan was agreed,
# when the API was still estimated at 8 days (it is 10 now, after check-in
# c2), so the timeline shows a real slip against it:
#
#   cli=_build/src/charter-cli
#   tests/io/make-example.py --agreed > /tmp/agreed.charter
#   $cli schedule -f json /tmp/agreed.charter > /tmp/agreed.json
#   tests/io/make-example.py --baseline /tmp/agreed.json > /tmp/ex.charter
#   $cli normalize /tmp/ex.charter -o data/examples/workout-history.charter
import datetime
import json
import sys

START = datetime.date(2027, 3, 1)          # a Monday
HOLIDAYS = ["2027-03-26", "2027-03-29"]    # Good Friday, Easter Monday

participants = [
    ("p01", "Early-morning runner", "Runner", "Hannah Okafor", "hannah.okafor@example.org"),
    ("p02", "Gym regular, strength", "Gym regular", "Marco Bellini", "+44 7700 900123"),
    ("p03", "New member, week 3", "Beginner", "Priya Raman", "priya.r@example.net"),
    ("p04", "Personal trainer", "Trainer", "Tom Eriksen", "tom@eriksen-pt.example.com"),
    ("p05", "Returning after injury", "Lapsed member", "Grace Liu", "grace.liu@example.org"),
    ("p06", "Spin-class fan", "Class-goer", "Dev Patel", "dev.patel@example.com"),
    ("p07", "Parent with little time", "Busy parent", "Sofia Nieminen", "+358 40 1234567"),
    ("p08", "Marathon trainee", "Runner", "Jamal Carter", "jcarter@example.org"),
    ("p09", "Office-lunch lifter", "Gym regular", "Elena Petrova", "elena.petrova@example.net"),
    ("p10", "Cancelled twice before", "Lapsed member", "Ben Adeyemi", "ben.adeyemi@example.com"),
    ("p11", "Yoga and swimming", "Class-goer", "Mei Tanaka", "mei.tanaka@example.org"),
    ("p12", "Team captain, company challenge", "Social", "Lucas Moreau", "lucas.moreau@example.com"),
]

# (participant, date, notes, [(quote, kind)])
interviews = [
    ("p01", "2027-01-11",
     "Hannah runs before work four days a week and logs every run in the app. When we asked how she "
     "would use a history, she did not talk about looking back at all. She opens the app on the doorstep, "
     "still in her coat, and wants to know what she did last time so she can decide what to do today. "
     "\"If Tuesday was intervals, Thursday is an easy run. I just need to see Tuesday.\" She keeps a paper "
     "note on the fridge for this today because the app forgets everything once a run is saved. Charts "
     "do not interest her: \"I don't want a dashboard at six in the morning, I want one line.\"",
     [("If Tuesday was intervals, Thursday is an easy run. I just need to see Tuesday.", "quote"),
      ("She keeps a paper note on the fridge for this today because the app forgets everything once a run is saved.", "observation"),
      ("I don't want a dashboard at six in the morning, I want one line.", "quote")]),
    ("p02", "2027-01-11",
     "Marco lifts three times a week on a push, pull, legs split. His whole question is what weight he "
     "used last time for each exercise, because progression is the point. \"I add two and a half kilos "
     "when I hit all my reps. To do that I have to remember what I lifted on Monday.\" He screenshots the "
     "workout summary and scrolls through his camera roll between sets, which he calls embarrassing. He "
     "would look at history before every session, on his phone, standing next to the rack. He was "
     "indifferent to monthly totals and strongly against anything social: \"Nobody needs to know what I bench.\"",
     [("I add two and a half kilos when I hit all my reps. To do that I have to remember what I lifted on Monday.", "quote"),
      ("He screenshots the workout summary and scrolls through his camera roll between sets", "observation"),
      ("Nobody needs to know what I bench.", "quote")]),
    ("p03", "2027-01-12",
     "Priya joined three weeks ago and is still working out whether the gym is for her. She was the first "
     "person to say history made her nervous. \"If I look back and there are gaps, I'll feel like I've "
     "already failed.\" At the same time she wants something that tells her she is doing better than she "
     "thinks: she guessed she had been four times in three weeks and was surprised when we counted seven "
     "in her app. \"Seven! Nobody told me seven.\" A simple count would encourage her; a calendar full of "
     "empty days would not.",
     [("If I look back and there are gaps, I'll feel like I've already failed.", "quote"),
      ("she guessed she had been four times in three weeks and was surprised when we counted seven in her app", "observation"),
      ("Seven! Nobody told me seven.", "quote")]),
    ("p04", "2027-01-12",
     "Tom is a personal trainer with eleven clients who use the app. Before every session he asks what "
     "they did since he last saw them, and most cannot remember. \"Half my first ten minutes is detective "
     "work.\" He wants clients to open their history and show him the last two weeks, not to analyse it "
     "but to plan the next block of training together. He also said the clients who stay are the ones "
     "who can see that they kept coming: \"The ones who quit are the ones who think they never go.\" He "
     "asked whether clients could choose what he sees, and was firm that it should be their choice.",
     [("Half my first ten minutes is detective work.", "quote"),
      ("He wants clients to open their history and show him the last two weeks, not to analyse it but to plan the next block of training together.", "observation"),
      ("The ones who quit are the ones who think they never go.", "quote")]),
    ("p05", "2027-01-13",
     "Grace tore a calf muscle last spring and stopped for five months. Coming back, the hardest part was "
     "not knowing where to restart. \"I didn't know if I should start from what I did before or from "
     "zero.\" She wanted to see what she did in the weeks before the injury to pick a sensible starting "
     "point. She also admitted she avoided opening the app for months because it showed her last workout "
     "date: \"It was like a gravestone. Last workout: April.\" Any history should not shout about the gap.",
     [("I didn't know if I should start from what I did before or from zero.", "quote"),
      ("It was like a gravestone. Last workout: April.", "quote")]),
    ("p06", "2027-01-14",
     "Dev goes to spin classes and likes the feeling of ticking things off. He keeps a streak in another "
     "app purely to see the number grow. \"Honestly I want proof. Proof I actually went.\" He would share "
     "a monthly number with his sister, who he competes with, but not with the world. When we showed him "
     "a sketch of a chart he said he would never scroll through it: \"Give me the number and let me get off "
     "the bike.\"",
     [("Honestly I want proof. Proof I actually went.", "quote"),
      ("He would share a monthly number with his sister, who he competes with, but not with the world.", "observation"),
      ("Give me the number and let me get off the bike.", "quote")]),
    ("p07", "2027-01-14",
     "Sofia has two small children and fits in short home workouts when she can, often three ten-minute "
     "sessions in a week. She worries she does nothing: \"Some weeks I feel like I haven't moved at all, "
     "and then I'm cross with myself.\" Seeing that the small sessions add up would matter to her more "
     "than any detail. She would look at a monthly count on Sunday evening while planning the week. She "
     "asked what happens to her data if she cancels, because she has cancelled twice for money reasons.",
     [("Some weeks I feel like I haven't moved at all, and then I'm cross with myself.", "quote"),
      ("She would look at a monthly count on Sunday evening while planning the week.", "observation"),
      ("She asked what happens to her data if she cancels", "observation")]),
    ("p08", "2027-01-15",
     "Jamal is training for his first marathon on a sixteen-week plan from a running club. Every long run "
     "is planned from the previous one, adding a kilometre or two. \"My long run this Sunday depends "
     "entirely on last Sunday.\" He uses a spreadsheet for it today and would happily stop if the app "
     "showed his last few long runs. He is proud of the training and posts it to the club chat: \"I want "
     "the club to see I'm putting in the miles.\"",
     [("My long run this Sunday depends entirely on last Sunday.", "quote"),
      ("He uses a spreadsheet for it today and would happily stop if the app showed his last few long runs.", "observation"),
      ("I want the club to see I'm putting in the miles.", "quote")]),
    ("p09", "2027-01-18",
     "Elena lifts at lunchtime near her office and has forty-five minutes door to door. She decides the "
     "session in the lift on the way down. \"I have about thirty seconds to decide what today is.\" She "
     "would use a history to see which muscle groups she trained this week. She said the company pays for "
     "her membership and she does not want her employer to see her history; she assumed it would be "
     "private and was alarmed when we asked.",
     [("I have about thirty seconds to decide what today is.", "quote"),
      ("she does not want her employer to see her history; she assumed it would be private", "observation")]),
    ("p10", "2027-01-18",
     "Ben has joined and cancelled twice. Both times he stopped going, felt guilty and then cancelled to "
     "stop the guilt. \"Every time I opened the app it reminded me I hadn't been.\" He thought a history "
     "could go either way: it could make the guilt worse, or it could show him that he had been more than "
     "he remembered. \"If it said I'd been eight times this month, I'd keep going. If it said zero, I'd "
     "cancel.\" He wants no notifications about missed days.",
     [("Every time I opened the app it reminded me I hadn't been.", "quote"),
      ("If it said I'd been eight times this month, I'd keep going. If it said zero, I'd cancel.", "quote")]),
    ("p11", "2027-01-19",
     "Mei alternates yoga classes with swimming and logs both. She likes to look back at the end of the "
     "month, with a cup of tea, and count what she did. \"It's my little ritual. I count them on the first "
     "of the month.\" She counts by hand today by scrolling the class bookings. She was clear that she "
     "would not share it with anyone; for her it is a private record that she showed up for herself.",
     [("It's my little ritual. I count them on the first of the month.", "quote"),
      ("for her it is a private record that she showed up for herself", "observation")]),
    ("p12", "2027-01-20",
     "Lucas organises a step and workout challenge at his company and captains a team of twelve. He wants "
     "members to prove their workouts to the team without sending screenshots. \"Right now people send me "
     "screenshots and I add them up in a spreadsheet.\" He asked for leaderboards and comparisons between "
     "members, which no other participant wanted. He also plans his own sessions from the last one: "
     "\"I look at what I did last time and do a bit more.\"",
     [("Right now people send me screenshots and I add them up in a spreadsheet.", "quote"),
      ("He asked for leaderboards and comparisons between members, which no other participant wanted.", "observation"),
      ("I look at what I did last time and do a bit more.", "quote")]),
]

needs = [
    ("n-plan", "Plan the next workout from the last one",
     "Members look back to decide what to do today, not to analyse. One glance, on the phone, before the session.",
     ["p01", "p02", "p04", "p05", "p08", "p09", "p12"]),
    ("n-prove", "Prove that I showed up (to myself, a coach or a club)",
     "A number that shows effort; sharing is with chosen people, never public comparison.",
     ["p03", "p04", "p06", "p08", "p11", "p12"]),
    ("n-consistency", "Worried about not being consistent",
     "Gaps feel like failure. History must encourage: show what was done, never shout about what was missed.",
     ["p03", "p05", "p07", "p10"]),
]

# Which insight (by participant and index within the interview) serves which need.
need_insights = {
    "n-plan": [("p01", 0), ("p01", 1), ("p02", 0), ("p02", 1), ("p04", 1), ("p05", 0), ("p08", 0), ("p08", 1), ("p09", 0), ("p12", 2)],
    "n-prove": [("p03", 2), ("p04", 2), ("p06", 0), ("p06", 1), ("p08", 2), ("p11", 0), ("p11", 1), ("p12", 0)],
    "n-consistency": [("p03", 0), ("p03", 1), ("p05", 1), ("p07", 0), ("p10", 0), ("p10", 1)],
}

teams = [
    ("backend", "Backend", "#0072B2"),
    ("mobile", "Mobile", "#E69F00"),
    ("web", "Web", "#56B4E9"),
    ("analytics", "Analytics", "#009E73"),
    ("support", "Support", "#CC79A7"),
    ("privacy", "Privacy/Data", "#D55E00"),
    ("qa", "QA", "#F0E442"),
]

# id, name, team, duration, optimistic, pessimistic, serves, extra
tasks = [
    ("design", "Design: history list and monthly count", "mobile", 5, -1, -1, ["n-plan", "n-prove", "n-consistency"], {}),
    ("storage", "Backend: history storage", "backend", 10, 8, 15, ["n-plan", "n-prove"], {}),
    ("api", "Backend: history API", "backend", 10, 8, 14, ["n-plan", "n-prove"], {}),
    ("deletion", "Backend: delete history with the account", "backend", 3, 2, 5, [], {}),
    ("mobile-ui", "Mobile: history screen", "mobile", 15, 12, 20, ["n-plan"], {}),
    ("monthly-count", "Mobile: “you worked out 12 times this month”", "mobile", 3, 2, 5, ["n-prove", "n-consistency"], {}),
    ("web-ui", "Web: history page", "web", 10, 8, 14, ["n-plan"], {}),
    ("analytics-events", "Analytics: history usage events", "analytics", 5, -1, -1, [], {}),
    ("metric-dashboard", "Analytics: weekly history viewers", "analytics", 3, -1, -1, [], {}),
    ("privacy-review", "Privacy review: retention and deletion", "privacy", 5, 3, 10, [], {}),
    ("support-training", "Support: training and help articles", "support", 5, -1, -1, [], {}),
    ("qa-plan", "QA: test plan", "qa", 3, -1, -1, [], {}),
    ("qa", "QA: test history on mobile and web", "qa", 10, 8, 15, [], {}),
    ("launch", "Launch workout history", None, 0, -1, -1, ["n-plan", "n-prove", "n-consistency"], {"milestone": True, "launch": True}),
]

# predecessor, successor, kind, lag
dependencies = [
    ("storage", "api", "finish-to-start", 0),
    ("api", "mobile-ui", "finish-to-start", -5),     # the overlap: eight weeks, not nine
    ("design", "mobile-ui", "finish-to-start", 0),
    ("api", "web-ui", "start-to-start", 5),
    ("design", "web-ui", "finish-to-start", 0),
    ("mobile-ui", "monthly-count", "start-to-start", 5),
    ("api", "analytics-events", "finish-to-start", 0),
    ("analytics-events", "metric-dashboard", "finish-to-start", 0),
    ("storage", "privacy-review", "start-to-start", 5),
    ("privacy-review", "deletion", "finish-to-start", 0),
    ("api", "deletion", "finish-to-start", 0),
    ("mobile-ui", "support-training", "start-to-start", 10),
    ("design", "qa-plan", "finish-to-start", 0),
    ("qa-plan", "qa", "finish-to-start", 0),
    ("mobile-ui", "qa", "finish-to-start", 0),
    ("web-ui", "qa", "finish-to-start", 0),
    ("monthly-count", "qa", "finish-to-start", 0),
    ("deletion", "qa", "finish-to-start", 0),
    ("qa", "launch", "finish-to-start", 0),
    ("metric-dashboard", "launch", "finish-to-start", 0),
    ("support-training", "launch", "finish-to-start", 0),
]


def working_days():
    d = START
    while True:
        if d.weekday() < 5 and d.isoformat() not in HOLIDAYS:
            yield d
        d += datetime.timedelta(days=1)


def plan_dates():
    """A simple forward pass in working days, for the baseline."""
    days = []
    gen = working_days()
    for _ in range(200):
        days.append(next(gen))
    by_id = {t[0]: t for t in tasks}
    start, finish = {}, {}
    done = set()
    while len(done) < len(tasks):
        for t in tasks:
            tid = t[0]
            if tid in done:
                continue
            preds = [d for d in dependencies if d[1] == tid]
            if any(p[0] not in done for p in preds):
                continue
            s = 10 if t[2] == "backend" else 0      # Backend is busy until 12 March
            for p, _, kind, lag in preds:
                if kind == "finish-to-start":
                    s = max(s, finish[p] + 1 + lag)
                else:
                    s = max(s, start[p] + lag)
            start[tid] = s
            finish[tid] = s + max(by_id[tid][3], 1) - 1
            done.add(tid)
    return ({k: days[v].isoformat() for k, v in start.items()},
            {k: days[v].isoformat() for k, v in finish.items()})


def main():
    doc = {"format": "charter", "version": 1}
    parts = []
    for pid, alias, segment, real, contact in participants:
        parts.append({"id": pid, "alias": alias, "segment": segment,
                      "real_name": real, "contact": contact})
    ivs, ins = [], []
    insight_id = {}
    for i, (pid, date, notes, quotes) in enumerate(interviews):
        iid = "i%02d" % (i + 1)
        alias = next(p[1] for p in participants if p[0] == pid)
        ivs.append({"id": iid, "participant_id": pid, "date": date,
                    "title": "Interview: %s" % alias,
                    "notes": notes})
        for k, (quote, kind) in enumerate(quotes):
            start = notes.find(quote)
            if start < 0 or notes.find(quote, start + 1) >= 0:
                sys.exit("quote not found exactly once in %s: %s" % (iid, quote))
            sid = "%s-%d" % (iid, k + 1)
            insight_id[(pid, k)] = sid
            item = {"id": sid, "interview_id": iid, "text": quote,
                    "start": start, "end": start + len(quote)}
            if kind != "quote":
                item["kind"] = kind
            ins.append(item)
    nds = []
    for nid, statement, notes, _ in needs:
        nds.append({"id": nid, "statement": statement,
                    "insight_ids": [insight_id[k] for k in need_insights[nid]],
                    "notes": notes})
    doc["discovery"] = {"participants": parts, "interviews": ivs, "insights": ins, "needs": nds}

    doc["spec"] = {
        "title": "Workout history",
        "problem": "Members ask for “history”, but interviews show three different needs behind the word: "
                   "planning the next workout from the last one, proving they showed up, and a worry about "
                   "not being consistent. Today they use fridge notes, screenshots and spreadsheets, and "
                   "some stop opening the app because it reminds them of the gap.",
        "audience": "Members who train at least once a week on their phone, between the gym and the rest "
                    "of their day; their personal trainers; returning members.",
        "acuteness": "High for planners (every session starts with “what did I do last time?”); high for "
                     "lapsed members, two of whom cancelled out of guilt. Low for the analytically minded, "
                     "who already have other tools.",
        "need_ids": ["n-plan", "n-prove", "n-consistency"],
        "solution": "A history list of past workouts (last session first, one line each) and a monthly "
                    "count on the home screen. No charts. Gaps are never highlighted.",
        "smallest_version": "A number on the home screen — “you worked out 12 times this month” — that "
                            "opens a plain list of past workouts. Ten seconds to glance at.",
        "target_date": "2027-05-12",
        "appetite": "Eight weeks with the teams we have; if it needs more, we cut scope before we add time.",
        "integration_questions": [
            {"id": "q-privacy", "question": "Do members need privacy controls over who sees their history?",
             "answer": "Yes: history is private by default; a member may show it to their trainer. Nothing is shared with employers.",
             "status": "answered"},
            {"id": "q-deletion", "question": "What happens to history when a member deletes their account?",
             "answer": "It is deleted with the account within 30 days, and backups holding it expire after 35 days.",
             "status": "answered"},
            {"id": "q-tiers", "question": "Is history part of every plan, or only of paid tiers?",
             "answer": "Every tier sees the monthly count and the last three months; Premium keeps all of it.",
             "status": "answered"},
            {"id": "q-compare", "question": "Will members compare their history with each other?",
             "answer": "Not in this version: no sharing, no leaderboards.",
             "status": "not-applicable"},
        ],
        "out_of_scope": [
            {"id": "x-analytics", "what": "Fancy analytics: charts, trends, monthly comparisons",
             "reason": "Used on mobile between the gym and real life; nobody wants to stare at a dashboard."},
            {"id": "x-social", "what": "Social comparison and leaderboards",
             "reason": "Only one of twelve participants asked for it, and several were against being compared."},
            {"id": "x-export", "what": "Exporting history to a spreadsheet",
             "reason": "Worth a look after launch if trainers ask again."},
            {"id": "x-edit", "what": "Editing past workouts",
             "reason": "History shows what was logged; corrections stay in the workout screen."},
        ],
        "metrics": [
            {"id": "m-weekly", "measure": "Members who look at their history at least once a week",
             "target": "40 % of weekly active members", "time_frame": "eight weeks after launch"},
            {"id": "m-churn", "measure": "Cancellations among members who saw their monthly count",
             "target": "no higher than among those who did not", "time_frame": "first quarter after launch"},
        ],
        "open_questions": [
            {"id": "q-manual", "question": "Does the monthly count include workouts logged by hand?"},
            {"id": "q-trainer", "question": "How does a member show their history to a trainer: a link, or in person only?",
             "answer": "In person only for now; revisit after launch.", "status": "answered"},
        ],
        "decisions": [
            {"id": "d-no-charts", "date": "2027-02-08", "summary": "A count and a list, no charts",
             "rationale": "Ten seconds to glance at, on a phone; charts were not asked for."},
            {"id": "d-private", "date": "2027-02-10", "summary": "History is private by default",
             "rationale": "Members assumed it was private and were alarmed when asked."},
        ],
    }

    start, finish = plan_dates()
    if "--baseline" in sys.argv:
        with open(sys.argv[sys.argv.index("--baseline") + 1]) as f:
            agreed = json.load(f)
        start = {t["id"]: t["start"] for t in agreed["tasks"]}
        finish = {t["id"]: t["finish"] for t in agreed["tasks"]}
    plan = {
        "calendar": {"start": START.isoformat(), "holidays": HOLIDAYS, "no_launch_days": ["friday"]},
        "teams": [],
        "tasks": [],
        "dependencies": [],
        "risks": [
            {"id": "r-api-slow", "description": "The history API is slower than expected for members with years of workouts",
             "likelihood": "medium", "probability": 40, "impact": "high", "impact_days": 8,
             "owner": "Backend lead",
             "mitigation": "Paginate from the start; load-test with three years of workouts in week three.",
             "contingency": 5, "task_ids": ["api", "mobile-ui"]},
            {"id": "r-bad-data", "description": "History shows wrong or missing workouts after launch",
             "likelihood": "low", "probability": 15, "impact": "high", "impact_days": 4,
             "owner": "QA lead",
             "mitigation": "Compare the API's counts with the raw workout log for 1,000 members before launch.",
             "contingency": 3, "task_ids": ["storage", "qa"]},
            {"id": "r-privacy", "description": "The privacy review raises concerns about keeping history",
             "likelihood": "medium", "probability": 25, "impact": "medium", "impact_days": 10,
             "owner": "Privacy/Data",
             "mitigation": "Start the review in week two with the storage design, not at the end.",
             "contingency": 5, "task_ids": ["privacy-review", "deletion"]},
        ],
        "baselines": [],
        "check_ins": [
            {"id": "c1", "date": "2027-03-19", "notes": "Week three. Storage on track; design done early.",
             "statuses": [
                 {"id": "c1-design", "task_id": "design", "state": "done", "percent_complete": 100, "remaining": 0},
                 {"id": "c1-storage", "task_id": "storage", "state": "on-track", "percent_complete": 30, "remaining": 7},
                 {"id": "c1-privacy", "task_id": "privacy-review", "state": "at-risk", "percent_complete": 10,
                  "blockers": "Legal has not confirmed how long backups may keep deleted data."},
             ]},
            {"id": "c2", "date": "2027-04-02", "notes": "Week five, after Easter. The API is the risk to watch.",
             "statuses": [
                 {"id": "c2-storage", "task_id": "storage", "state": "done", "percent_complete": 100, "remaining": 0},
                 {"id": "c2-api", "task_id": "api", "state": "at-risk", "percent_complete": 20, "remaining": 9,
                  "blockers": "Queries are slow for members with more than three years of workouts.",
                  "notes": "Pagination lands Tuesday; load test Thursday."},
                 {"id": "c2-privacy", "task_id": "privacy-review", "state": "on-track", "percent_complete": 80, "remaining": 1},
             ]},
        ],
        "scope_changes": [
            {"id": "s1", "what": "A “share my month” image for social media",
             "why": "Members who want to prove they showed up asked for something to post.",
             "cost": 8, "raised_on": "2027-03-24", "decision": "simplify", "decided_on": "2027-03-26",
             "decision_reason": "Ship the monthly count first. A share button that copies “I worked out 12 times in March” costs a day; image cards go to the next cycle."},
        ],
    }
    for tid, name, color in teams:
        team = {"id": tid, "name": name, "color": color}
        if tid == "backend":
            team["commitments"] = [{"id": "payments", "start": "2027-01-18", "finish": "2027-03-12",
                                    "reason": "Payments migration (the last two of six weeks)"}]
        plan["teams"].append(team)
    for tid, name, team, dur, opt, pess, serves, extra in tasks:
        if tid == "api" and "--agreed" in sys.argv:
            dur = 8
        t = {"id": tid, "name": name}
        if team:
            t["team_id"] = team
        t["duration"] = dur
        if opt >= 0:
            t["optimistic"] = opt
        if pess >= 0:
            t["pessimistic"] = pess
        t.update(extra)
        if serves:
            t["serves"] = serves
        plan["tasks"].append(t)
    for k, (p, s, kind, lag) in enumerate(dependencies):
        d = {"id": "d%02d" % (k + 1), "predecessor": p, "successor": s}
        if kind != "finish-to-start":
            d["kind"] = kind
        if lag:
            d["lag"] = lag
        plan["dependencies"].append(d)
    plan["baselines"].append({
        "id": "b1", "name": "Plan agreed with the teams", "date": "2027-02-26",
        "entries": [{"id": "b1-" + t[0], "task_id": t[0], "start": start[t[0]], "finish": finish[t[0]]}
                    for t in tasks]})
    doc["plan"] = plan
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


main()
