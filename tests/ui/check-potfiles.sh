#!/bin/sh
# Fails when a file under src/ that marks strings for translation (_(), N_(),
# C_(), NC_() in C; translatable="yes" in .ui) is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -eu
top=${1:-$(dirname "$0")/../..}
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d')
for f in $( (grep -rlE '(^|[^A-Za-z0-9_])(N?C?_)\(' src --include='*.c' --include='*.h' || true;
             grep -rl 'translatable="yes"' src --include='*.ui' || true) | sort -u); do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "po/POTFILES.in: missing $f (it has translatable strings)"
    status=1
  fi
done
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in: lists $f, which does not exist"
    status=1
  fi
done
exit $status
