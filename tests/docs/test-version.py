#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`charter --version` and `charter-cli --version` print "NAME VERSION" and exit 0,
without a display and without a session bus; both --help list --version.

    test-version.py CHARTER CHARTER-CLI VERSION
"""

import os
import subprocess
import sys

charter, charter_cli, version = sys.argv[1:4]
env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C")
for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
    env.pop(var, None)
failures = []


def check(argv, want_stdout=None, want_in=None):
    r = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)
    name = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(argv))
    if r.returncode != 0:
        failures.append(f"{name}: exit {r.returncode}, stderr {r.stderr.strip()!r}")
    if want_stdout is not None and r.stdout != want_stdout:
        failures.append(f"{name}: printed {r.stdout!r}, not {want_stdout!r}")
    if want_in is not None and want_in not in r.stdout:
        failures.append(f"{name}: {want_in!r} not in {r.stdout!r}")
    if r.stderr.strip():
        failures.append(f"{name}: wrote to stderr: {r.stderr.strip()!r}")


check([charter, "--version"], want_stdout=f"charter {version}\n")
check([charter_cli, "--version"], want_stdout=f"charter-cli {version}\n")
check([charter, "--help"], want_in="--version")
check([charter, "--help"], want_in="--example")
check([charter_cli, "--help"], want_in="--version")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
