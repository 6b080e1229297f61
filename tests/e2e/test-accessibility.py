#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: what a screen reader hears. Starts the real `charter` on a
copy of the example, shows every workspace (each is filled in when first
shown), opens Preferences and the Project Start editor, and walks the
accessible tree of every window: each control a person can reach must have
a name, the name must not be a GTK type ("GtkToggleButton"), and it must not
be read twice ("_Save Save", the way GTK 4.8 names a button by both its
label property and its label)."""

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import charterdriver as cd  # noqa: E402

cd.ensure_session()

# Roles a person operates or reads as an item; these need a name.
NAMED_ROLES = {
    "push button", "toggle button", "check box", "radio button", "list item",
    "table row", "text", "spin button", "combo box", "page tab", "menu item",
    "slider", "entry", "password text", "link", "tree item", "tool bar",
}


def walk(node, path, out, depth=0):
    out.append((cd.role_name(node), cd.name_of(node), path))
    if depth > 80:
        return
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, f"{path} > {cd.role_name(node)} {cd.name_of(node)!r}"[-160:], out, depth + 1)


def doubled(name):
    """ "_Save Save" or "Fit Fit": one name, said twice."""
    for i, c in enumerate(name):
        if c == " " and name[:i].replace("_", "") == name[i + 1:]:
            return True
    return False


def problems_in(window, where):
    nodes = []
    walk(window, where, nodes)
    found = []
    for role, name, path in nodes:
        if role in NAMED_ROLES and name.strip() == "":
            found.append(f"{where}: a {role} without a name, under {path}")
        elif name.startswith(("Gtk", "Adw")) and role in NAMED_ROLES:
            found.append(f"{where}: a {role} named by its type {name!r}, under {path}")
        elif name and doubled(name):
            found.append(f"{where}: a {role} named twice {name!r}, under {path}")
    return found, len(nodes)


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-a11y-")
    source = cd.copy_example(workdir)
    problems = []

    with cd.Charter([source]) as app:
        win = app.window()
        app.wait_title(lambda t: t == "workout-history", "the example's name in the title")

        # Every workspace, found by its view switcher button, so that one
        # added later is walked too.
        tabs = cd.find_all(win, role="page tab", pred=cd.has_size)
        names = [cd.plain_name(t) for t in tabs]
        assert len(names) >= 5, f"expected five workspaces, found {names}"
        for tab in tabs:
            cd.click(tab)
        # Let the last one's lists fill in.
        time.sleep(1.0)
        found, count = problems_in(win, "main window")
        assert count > 500, f"the main window's tree has only {count} nodes"
        problems += found

        # The Project Start editor (a popover of the main window) and
        # Preferences (a window of its own).
        app.activate("win.edit-start")
        cd.find(win, name="Project Start", pred=cd.has_size)
        found, _ = problems_in(win, "the Project Start editor")
        problems += [p for p in found if p not in problems]
        app.activate("app.preferences")
        preferences = app.dialog(name_contains="Preferences")
        time.sleep(0.5)
        found, _ = problems_in(preferences, "Preferences")
        problems += found

    if problems:
        print("\n".join(problems))
        raise AssertionError(f"{len(problems)} controls a screen reader cannot name")
    print("ok: every named control of", ", ".join(names), "and the dialogs")


if __name__ == "__main__":
    main()
