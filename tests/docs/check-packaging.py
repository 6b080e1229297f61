#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shape of what a distribution or Flathub reads, where it cannot be built
or fetched here (no network):

- build-aux/org.charterapp.Charter.json, the Flatpak manifest: the app ID, the
  GNOME 43 runtime and SDK (GTK 4.8, libadwaita 1.2, json-glib are in it),
  the command, the smallest finish-args (no file system access: files go
  through the portal), and one meson module built from this source tree;
- the metainfo's screenshots: each URL ends in the path of a PNG in the
  repository, of the width and height the metainfo gives.

    check-packaging.py SOURCE_ROOT APP_ID
"""

import json
import os
import struct
import sys
import xml.etree.ElementTree as ET

top, app_id = sys.argv[1:3]
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


# The Flatpak manifest
path = os.path.join(top, "build-aux", app_id + ".json")
with open(path, encoding="utf-8") as f:
    m = json.load(f)
expect(m.get("app-id") == app_id, f"app-id is {m.get('app-id')!r}, not {app_id!r}")
expect(m.get("runtime") == "org.gnome.Platform", f"runtime is {m.get('runtime')!r}")
expect(m.get("runtime-version") == "43", f"runtime-version is {m.get('runtime-version')!r}, not '43'")
expect(m.get("sdk") == "org.gnome.Sdk", f"sdk is {m.get('sdk')!r}")
expect(m.get("command") == "charter", f"command is {m.get('command')!r}")
args = m.get("finish-args", [])
expect(sorted(args) == sorted(["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]),
       f"finish-args are {args}")
expect(not any(a.startswith(("--filesystem", "--socket=x11", "--share=network", "--talk-name"))
               for a in args), f"finish-args ask for more than needed: {args}")
modules = m.get("modules", [])
expect(len(modules) >= 1 and isinstance(modules[-1], dict), "no module")
if modules and isinstance(modules[-1], dict):
    app = modules[-1]
    expect(app.get("name") == "charter", f"the last module is {app.get('name')!r}, not charter")
    expect(app.get("buildsystem") == "meson", f"buildsystem is {app.get('buildsystem')!r}")
    sources = app.get("sources", [])
    dirs = [s for s in sources if s.get("type") == "dir"]
    expect(len(dirs) == 1, f"the charter module has no single dir source: {sources}")
    if dirs:
        src = os.path.normpath(os.path.join(os.path.dirname(path), dirs[0].get("path", "")))
        expect(os.path.samefile(src, top) and os.path.isfile(os.path.join(src, "meson.build")),
               f"the dir source {dirs[0].get('path')!r} is not this source tree")

# The metainfo's screenshots
tree = ET.parse(os.path.join(top, "data", app_id + ".metainfo.xml.in"))
images = tree.findall("./screenshots/screenshot/image")
expect(len(images) >= 1, "the metainfo has no screenshot")
for image in images:
    url = image.text.strip()
    rel = None
    for candidate in ("data/screenshots/",):
        if candidate in url:
            rel = url[url.index(candidate):]
    expect(rel is not None, f"{url} is not a path of the repository (data/screenshots/…)")
    if rel is None:
        continue
    png = os.path.join(top, rel)
    if not os.path.isfile(png):
        failures.append(f"{url}: {rel} is not in the repository")
        continue
    with open(png, "rb") as f:
        head = f.read(24)
    expect(head[:8] == b"\x89PNG\r\n\x1a\n", f"{rel} is not a PNG")
    w, h = struct.unpack(">II", head[16:24])
    expect((str(w), str(h)) == (image.get("width"), image.get("height")),
           f"{rel} is {w}x{h}, the metainfo says {image.get('width')}x{image.get('height')}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
