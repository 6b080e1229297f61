#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-plan.py: writes a generated plan of N tasks to stdout, as bench-open
# uses: every task in one of TEAMS teams, up to DEPS finish-to-start
# dependencies a task on earlier tasks (so the plan has no circle), durations
# of 1-10 days. Deterministic for a given N and seed.
#
#   benchmarks/make-plan.py 10000 > /tmp/plan-10000.charter
#   benchmarks/make-plan.py 1000000 --deps 1 --compact > /tmp/huge.charter
import argparse
import json
import random
import sys


def make_plan(n, teams=20, deps=3, seed=1, start="2027-03-01"):
    rng = random.Random(seed)
    plan = {
        "calendar": {"start": start},
        "teams": [{"id": f"team{t:02d}", "name": f"Team {t + 1}"} for t in range(teams)],
        "tasks": [],
        "dependencies": [],
    }
    for i in range(n):
        plan["tasks"].append({
            "id": f"t{i}",
            "name": f"Task {i + 1}",
            "team_id": f"team{i % teams:02d}",
            "duration": rng.randint(1, 10),
        })
        if i == 0:
            continue
        # Predecessors close before the task, as real plans chain work.
        for p in sorted(set(rng.randrange(max(0, i - 50), i) for _ in range(deps))):
            plan["dependencies"].append({
                "id": f"d{len(plan['dependencies'])}",
                "predecessor": f"t{p}",
                "successor": f"t{i}",
            })
    return {"format": "charter", "version": 1, "plan": plan}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tasks", type=int)
    parser.add_argument("--teams", type=int, default=20)
    parser.add_argument("--deps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--compact", action="store_true", help="no indentation (a million tasks in ~100 MB)")
    args = parser.parse_args()
    json.dump(make_plan(args.tasks, args.teams, args.deps, args.seed), sys.stdout,
              indent=None if args.compact else 1, separators=(",", ":") if args.compact else None)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
