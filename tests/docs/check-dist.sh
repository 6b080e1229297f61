#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-dist.sh SOURCE_ROOT FILE...: each FILE is in what `meson dist` ships.
# meson dist archives the files git tracks, so in a git checkout each FILE
# must be tracked; in an unpacked tarball (no .git) it must be there.
set -eu
top=$1
shift
status=0
for f in "$@"; do
  if [ -e "$top/.git" ]; then
    git -C "$top" ls-files --error-unmatch -- "$f" >/dev/null 2>&1 ||
      { echo "FAIL: $f is not tracked by git, so meson dist leaves it out"; status=1; }
  else
    [ -f "$top/$f" ] || { echo "FAIL: $f is missing from the tarball"; status=1; }
  fi
done
exit $status
