#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# kill-during-save.py: `charter-cli normalize NEW -o doc.charter`, killed with
# SIGKILL at a random moment, again and again, on a 10,000-task plan. After
# every kill, doc.charter must be the old complete file or the new complete
# one, and the backup doc.charter~ (once there is one) a complete version too.
# Leftover temporary files must be Charter's own (.doc.charter.saving-XXXXXX).
#
#   kill-during-save.py CHARTER-CLI             (CHARTER_KILL_RUNS runs, default 20)
#   CHARTER_KILL_RUNS=200 kill-during-save.py _build/src/charter-cli
#
# Prints TAP. docs/performance.md has the figure of 200 runs.
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

N_TASKS = 10000


def plan(seed):
    rand = random.Random(seed)
    teams = [{"id": f"team{i}", "name": f"Team {i}", "color": "#0072B2"} for i in range(12)]
    tasks = [{"id": f"t{i}", "name": f"Task number {i}", "team_id": f"team{i % 12}",
              "duration": rand.randint(1, 29)} for i in range(N_TASKS)]
    deps, seen = [], set()
    while len(deps) < 3 * N_TASKS:
        to = rand.randint(1, N_TASKS - 1)
        fr = rand.randint(max(to - 200, 0), to - 1)
        if (fr, to) in seen:
            continue
        seen.add((fr, to))
        deps.append({"id": f"d{len(deps)}", "predecessor": f"t{fr}", "successor": f"t{to}"})
    return {"format": "charter", "version": 1,
            "plan": {"calendar": {"start": "2027-03-01"}, "teams": teams, "tasks": tasks,
                     "dependencies": deps}}


def main():
    cli = sys.argv[1]
    runs = int(os.environ.get("CHARTER_KILL_RUNS", "20"))
    seed = int(os.environ.get("CHARTER_KILL_SEED", str(int(time.time()))))
    rand = random.Random(seed)
    work = tempfile.mkdtemp(prefix="charter-kill-")
    try:
        sources, versions = [], []
        for k in range(2):
            src = os.path.join(work, f"source{k}.json")
            with open(src, "w") as f:
                json.dump(plan(k + 1), f)
            sources.append(src)
            out = subprocess.run([cli, "normalize", src], check=True, capture_output=True)
            versions.append(out.stdout)
        target = os.path.join(work, "doc.charter")
        backup = target + "~"
        with open(target, "wb") as f:
            f.write(versions[0])

        # How long one save takes, to kill anywhere inside it.
        t0 = time.monotonic()
        subprocess.run([cli, "normalize", sources[1], "-o", target], check=True)
        duration = time.monotonic() - t0
        current = 1

        print(f"# seed {seed}, {runs} runs, one save takes {duration * 1000:.0f} ms")
        print(f"1..{runs + 1}")
        outcomes = {"old": 0, "new": 0}
        failures = 0
        for run in range(runs):
            other = 1 - current
            proc = subprocess.Popen([cli, "normalize", sources[other], "-o", target],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rand.uniform(0, duration * 1.1))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            with open(target, "rb") as f:
                now = f.read()
            problems = []
            if now == versions[current]:
                outcomes["old"] += 1
            elif now == versions[other]:
                outcomes["new"] += 1
                current = other
            else:
                problems.append(f"doc.charter is neither version ({len(now)} bytes)")
            if os.path.exists(backup):
                with open(backup, "rb") as f:
                    if f.read() not in versions:
                        problems.append("doc.charter~ is not a complete version")
            for name in os.listdir(work):
                if name in ("doc.charter", "doc.charter~") or name.startswith("source"):
                    continue
                if not re.fullmatch(r"\.doc\.charter\.saving-[A-Za-z0-9]{6}", name):
                    problems.append(f"unexpected file {name}")
                os.unlink(os.path.join(work, name))   # a crash's leftover
            if problems:
                failures += 1
                print(f"not ok {run + 1} - run {run + 1}: " + "; ".join(problems))
            else:
                print(f"ok {run + 1} - run {run + 1}")
        print(f"# {outcomes['old']} times the old file, {outcomes['new']} times the new one")
        # And a save that is not killed still works afterwards.
        subprocess.run([cli, "normalize", sources[0], "-o", target], check=True)
        with open(target, "rb") as f:
            good = f.read() == versions[0]
        print(("ok" if good else "not ok") + f" {runs + 1} - a save after the kills")
        return 1 if failures or not good else 0
    finally:
        shutil.rmtree(work)


# tests/e2e/test-kill-during-save.py borrows plan().
if __name__ == "__main__":
    sys.exit(main())
