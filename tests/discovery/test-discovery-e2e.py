#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real `charter`, driven as a user would (AT-SPI to find
widgets, the X keyboard and pointer to type, select and drag). In a new
document: add a participant and an interview, type notes, make two insights
from passages (Ctrl+I), drag them onto the board (one onto empty space, which
starts a new need; the other onto that need), add the need to the spec, save,
reopen in a fresh charter and find it all; the saved file exports to Markdown
with the quotes by alias."""

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import charterdriver as cd  # noqa: E402

cd.ensure_session()

NOTES = "Runs: the app forgets my old runs. Wants: a yearly view of lifts."
FIRST = "the app forgets my old runs"
SECOND = "a yearly view of lifts"


def xdo(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)


def centre(node):
    e = node.queryComponent().getExtents(0)  # window-relative; the window is at 0,0
    return e.x + e.width // 2, e.y + min(e.height // 2, 20)


def drag(source, target):
    (x1, y1), (x2, y2) = centre(source), centre(target)
    xdo("mousemove", x1, y1)
    time.sleep(0.2)
    xdo("mousedown", 1)
    for i in range(1, 11):
        xdo("mousemove", x1 + (x2 - x1) * i // 10, y1 + (y2 - y1) * i // 10)
        time.sleep(0.05)
    time.sleep(0.3)
    xdo("mouseup", 1)
    time.sleep(0.3)


def select_passage(passage):
    """Keyboard selection in the focused notes: Ctrl+Home, Right to the
    passage, Shift+Right over it."""
    start = NOTES.index(passage)
    xdo("key", "ctrl+Home")
    if start:
        xdo("key", "--repeat", start, "--delay", 5, "Right")
    xdo("key", "--repeat", len(passage), "--delay", 5, "shift+Right")


def cards(win):
    return cd.find_all(win, role="push button", name_contains="Insight:")


def kind_button(win, passage):
    """The kind button on the card of @passage (a sibling of its body)."""
    body = [c for c in cards(win) if passage in cd.name_of(c)][0]
    card = body.parent
    found = [card.getChildAtIndex(i) for i in range(card.childCount)]
    found = [b for b in found if b is not None and cd.name_of(b).startswith("Kind: ")]
    assert found, f"no kind button on the card of {passage!r}"
    return found[0]


def labels(win, text):
    return [l for l in cd.find_all(win, role="label") if cd.text_of(l) == text]


def spec_evidence(win):
    return [l for l in cd.find_all(win, role="label")
            if cd.text_of(l).startswith("Evidence: 1 participant") and cd.has_size(l)]


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-discovery-")
    saved = os.path.join(workdir, "research.charter")
    # A new, empty document (the app's own "new" starts from the example).
    with open(saved, "w", encoding="utf-8") as f:
        f.write('{"format": "charter", "version": 1, "spec": {"title": "Research"}}\n')

    with cd.Charter([saved]) as app:
        win = app.window()
        app.switch_workspace("Discovery")

        cd.click(cd.find(win, role="push button", name="Add Participant", pred=cd.has_size))
        cd.wait_for(lambda: labels(win, "Participant 1"), "the new participant in the sidebar")
        cd.click(cd.find(win, role="push button", name="Add Interview", pred=cd.has_size))
        notes = cd.find(win, name="Interview notes")
        time.sleep(0.5)

        # Type the notes (focus is in the notes editor after Add Interview).
        xdo("type", "--delay", 10, NOTES)
        cd.wait_for(lambda: cd.text_of(notes) == NOTES, "the typed notes in the editor")

        # Two insights by keyboard selection: what the participant said
        # (Ctrl+I, a quote) and what was seen (Ctrl+Shift+O, an observation).
        select_passage(FIRST)
        xdo("key", "ctrl+i")
        select_passage(SECOND)
        xdo("key", "ctrl+shift+o")
        cd.click(cd.find(win, role="push button", name_contains="Board", pred=cd.has_size))
        cd.wait_for(lambda: len(cards(win)) == 2, "two insight cards on the board")
        names = sorted(cd.name_of(c) for c in cards(win))
        assert FIRST in names[1] or FIRST in names[0], names
        assert all("Participant 1" in n for n in names), f"cards not attributed by alias: {names}"

        # Drag the first onto empty space: a new need.
        first = [c for c in cards(win) if FIRST in cd.name_of(c)][0]
        drop_zone = labels(win, "Drop a card here to start a new need")[0]
        drag(first, drop_zone)
        cd.wait_for(lambda: labels(win, "Need 1"), "a new need from the dropped card")

        # Drag the second onto that need.
        second = [c for c in cards(win) if SECOND in cd.name_of(c)][0]
        drag(second, labels(win, "Need 1")[0])
        cd.wait_for(lambda: labels(win, "No unfiled insights"), "both cards filed under the need")
        cd.wait_for(lambda: labels(win, "1 participant: Participant 1"), "the need's evidence")

        # The card's kind button switches it, and back.
        assert cd.name_of(kind_button(win, SECOND)) == "Kind: Observation"
        assert cd.name_of(kind_button(win, FIRST)) == "Kind: Quote"
        cd.click(kind_button(win, SECOND))
        cd.wait_for(lambda: cd.name_of(kind_button(win, SECOND)) == "Kind: Quote",
                    "the second card switched to a quote")
        cd.click(kind_button(win, SECOND))
        cd.wait_for(lambda: cd.name_of(kind_button(win, SECOND)) == "Kind: Observation",
                    "the second card back to an observation")
        assert cd.name_of(kind_button(win, FIRST)) == "Kind: Quote"

        # The need into the spec, through the Add Need menu (keyboard).
        app.switch_workspace("Spec")
        cd.click(cd.find(win, role="push button", name="Add to the spec: Need 1", pred=cd.has_size))
        cd.wait_for(lambda: spec_evidence(win), "the need listed in the spec with its evidence")

        app.wait_title(lambda t: t.startswith("• "), "the unsaved marker")
        app.activate("win.save")
        app.wait_title(lambda t: t == "research", "the saved file's name without a marker")

    with open(saved, encoding="utf-8") as f:
        doc = json.load(f)
    text = json.dumps(doc)
    assert FIRST in text and SECOND in text, "the insights are not in the saved file"
    kinds = {i["text"]: i.get("kind", "quote") for i in doc["discovery"]["insights"]}
    assert kinds == {FIRST: "quote", SECOND: "observation"}, kinds

    # Reopen in a fresh charter and find it all.
    with cd.Charter([saved]) as app:
        win = app.window()
        app.switch_workspace("Discovery")
        cd.wait_for(lambda: len(cards(win)) == 2, "two insight cards after reopening")
        cd.wait_for(lambda: labels(win, "Need 1"), "the need after reopening")
        cd.wait_for(lambda: labels(win, "1 participant: Participant 1"), "the evidence after reopening")
        cd.wait_for(lambda: labels(win, "No unfiled insights"), "both filed after reopening")
        assert cd.name_of(kind_button(win, SECOND)) == "Kind: Observation"
        app.switch_workspace("Spec")
        cd.wait_for(lambda: spec_evidence(win), "the need in the spec after reopening")

    # And the saved file exports with the quotes by alias.
    cli = os.path.join(cd.build_root(), "src", "charter-cli")
    md = subprocess.run([cli, "export", saved, "--to", "markdown"], check=True,
                        capture_output=True, text=True).stdout
    assert "### 1\\. Need 1" in md, md
    assert "Evidence: **1 participant** (Participant 1)" in md, md
    assert f"> “{FIRST}”\n> — Participant 1" in md, md
    assert f"> {SECOND}\n> — Participant 1 (observation)" in md, md
    print("discovery e2e: ok")


if __name__ == "__main__":
    main()
