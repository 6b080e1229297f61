#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-help-links.sh YELP_CHECK DIR: no broken link and no page that the
# index does not reach (yelp-check prints them, and exits 0 either way).
set -eu
cd "$2"
out=$("$1" links ./*.page; "$1" orphans ./*.page)
if [ -n "$out" ]; then
  echo "$out"
  exit 1
fi
