#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-translations.sh HELP_DIR: each language of help/LINGUAS translates
# every string of the pages in help/C as they are now (none missing, none
# fuzzy, compiles cleanly), so a changed page cannot leave a stale
# translation unnoticed.
set -eu
help=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$help/C" && itstool -o "$tmp/help.pot" ./*.page ./*.xml)
status=0
for lang in $(sed 's/#.*//' "$help/LINGUAS"); do
  po="$help/$lang/$lang.po"
  msgfmt --check --output-file=/dev/null "$po"
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/help.pot" -o "$tmp/$lang.po"
  missing=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too.
  [ "$missing" -gt 1 ] && { echo "help/$lang: $((missing - 1)) strings of help/C not translated:"; \
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | tail -n +2; status=1; }
  [ "$fuzzy" -gt 0 ] && { echo "help/$lang: $fuzzy fuzzy strings"; status=1; }
done
exit $status
