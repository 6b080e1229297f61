#!/bin/sh
# po/de.po is a real translation: it compiles cleanly (msgfmt --check), and
# every string of the application shell and the desktop files is translated.
set -eu
top=${1:-$(dirname "$0")/../..}
po="$top/po/de.po"
msgfmt --check --output-file=/dev/null "$po"
untranslated=$(msggrep -N 'src/ui/charter-window*' -N 'src/ui/charter-application.c' \
                       -N 'src/ui/charter-preferences-window*' -N 'src/ui/gtk/*' -N 'data/*' "$po" |
               msgattrib --untranslated --no-obsolete | grep -c '^msgid ' || true)
# msgattrib prints the header entry too.
if [ "$untranslated" -gt 1 ]; then
  echo "po/de.po: $((untranslated - 1)) strings of the application shell are not translated:"
  msggrep -N 'src/ui/charter-window*' -N 'src/ui/charter-application.c' \
          -N 'src/ui/charter-preferences-window*' -N 'src/ui/gtk/*' -N 'data/*' "$po" |
    msgattrib --untranslated --no-obsolete | grep '^msgid ' | tail -n +2
  exit 1
fi
