#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every option the binaries print in their --help is on their man page.

    check-man-pages.py CHARTER CHARTER-CLI MAN-DIR

The options are read from the real help output, not from a list here: the
top-level options of `charter --help-all` and `charter-cli --help` must be on
charter(1) and charter-cli(1), and each option of `charter-cli COMMAND --help`
must be in that command's section (".SS COMMAND") of charter-cli(1). Every
command that `charter-cli --help` lists must have its section. The pages must
also format without a warning when groff is installed.
"""

import os
import re
import shutil
import subprocess
import sys

charter, charter_cli, man_dir = sys.argv[1:4]
failures = []

# Help output in English, and the GUI's without a display (it never opens one
# for --help).
env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)


def run(*argv):
    r = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)
    if r.returncode != 0:
        failures.append(f"{' '.join(argv)} exited {r.returncode}: {r.stderr.strip()}")
    return r.stdout


OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def options_of(help_text):
    """The option names a help text offers: in GOption's layout ("  -o, --output=OUT  …")
    and in charter-cli's own ("  -h, --help   …"), the first column of the option lines."""
    found = set()
    for line in help_text.splitlines():
        m = re.match(r"^\s+(-[^\s].*?)(\s{2,}|$)", line)
        if m:
            found.update(o for o in OPTION.findall(m.group(1)))
    return found


def plain(roff):
    """The roff source as text a search can read: \\- is -, font escapes go."""
    text = roff.replace("\\-", "-")
    text = re.sub(r"\\f[BIRP]|\\f\(..|\\&|\\\(em", "", text)
    return text


def read_page(name):
    with open(os.path.join(man_dir, name), encoding="utf-8") as f:
        return f.read()


def mentions(text, option):
    return re.search(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])", text) is not None


def section(text, command):
    m = re.search(r"^\.SS " + re.escape(command) + r"\s*$(.*?)(?=^\.S[SH] |\Z)", text, re.M | re.S)
    return m.group(1) if m else None


# charter(1)
gui_help = run(charter, "--help-all")
gui_page = plain(read_page("charter.1"))
gui_options = options_of(gui_help)
if "--version" not in gui_options or "--example" not in gui_options:
    failures.append(f"charter --help-all lists no --version or --example: {sorted(gui_options)}")
for o in sorted(gui_options):
    if not mentions(gui_page, o):
        failures.append(f"charter(1) does not describe {o} (from charter --help-all)")

# charter-cli(1)
cli_help = run(charter_cli, "--help")
cli_page = plain(read_page("charter-cli.1"))
block = re.search(r"^Commands:\n(.*?)\n\n", cli_help, re.M | re.S)
commands = [line.split()[0] for line in block.group(1).splitlines()] if block else []
if len(commands) < 5:
    failures.append(f"charter-cli --help lists too few commands: {commands}")
for o in sorted(options_of(cli_help)):
    if not mentions(cli_page, o):
        failures.append(f"charter-cli(1) does not describe {o} (from charter-cli --help)")

checked = 0
for command in commands:
    text = section(cli_page, command)
    if text is None:
        failures.append(f"charter-cli(1) has no section “.SS {command}”")
        continue
    for o in sorted(options_of(run(charter_cli, command, "--help"))):
        checked += 1
        # -h/--help are described once, for every command, under OPTIONS.
        where = cli_page if o in ("-h", "--help") else text
        if not mentions(where, o):
            failures.append(f"charter-cli(1) section {command} does not describe {o} "
                            f"(from charter-cli {command} --help)")

groff = shutil.which("groff")
if groff:
    for name in ("charter.1", "charter-cli.1"):
        r = subprocess.run([groff, "-man", "-ww", "-z", "-Tutf8", os.path.join(man_dir, name)],
                           capture_output=True, text=True, env=env)
        if r.returncode != 0 or r.stderr.strip():
            failures.append(f"groff warns on {name}: {r.stderr.strip()}")

for f in failures:
    print("FAIL:", f)
print(f"{len(gui_options)} options of charter, {len(commands)} commands and "
      f"{checked} command options of charter-cli checked; {len(failures)} missing")
sys.exit(1 if failures else 0)
