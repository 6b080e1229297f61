#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end (issue 13): the Program workspace of the real `charter`,
driven over AT-SPI as a user would, from File → New.

A new plan gets a 5-day task and a launch milestone (Plan's Add Task and
the task editor, by keyboard). Then Teams, Calendar and Risks are each
reached in at most two activations by accessible name (the view switcher's
tab, then the place in the sidebar); a team gets a capacity and a
commitment, the calendar a holiday on the launch's day and a no-launch
weekday on the day the launch then moves to, and a risk a probability, an
impact and the task. Each step is checked by its effect in the window: the
launch moves with the holiday and again with the no-launch day (the
Timeline's launch summary), and the risk's card says it moves the 80 % date
by 5 working days. The saved file holds all of it, and `charter-cli
schedule --simulate` finds the launch, the finish, the P80 and the risk's
effect where the window said. (The team has no tasks: its commitment is
checked in the file only.)"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import charterdriver as cd  # noqa: E402

cd.ensure_session()

TODAY = "2027-03-01"           # a Monday: the new plan starts Tue 2 March
HOLIDAY = "2027-03-02"         # Tuesday, the day the launch milestone falls on
PLACE_BUTTONS = {"Teams": "Add Team", "Calendar": "Add Holiday", "Risks": "Add Risk"}
SHOT_DIR = os.environ.get("CHARTER_E2E_SHOTS")  # set to keep screenshots of each place


def xdotool(*args):
    subprocess.run(["xdotool"] + list(args), check=True)


def press_on(node):
    """Press @node with the pointer, in the middle of its extents. For the
    sidebar's rows, which GTK 4.8 exposes without any AT-SPI action. (The
    extents are window-relative; without a window manager the window sits at
    0,0, so they are screen positions too.)"""
    e = node.queryComponent().getExtents(0)
    xdotool("mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2), "click", "1")


def focus(node):
    """Give @node the keyboard focus: AT-SPI's Component.grabFocus, which
    GTK 4.8 answers for some widgets only; if the focus did not arrive, a
    click into it (what a user does)."""
    pyatspi = cd._pyatspi()
    try:
        node.queryComponent().grabFocus()
    except Exception:
        pass
    try:
        if cd.wait_for(lambda: node.getState().contains(pyatspi.STATE_FOCUSED), "focus", timeout=1):
            return
    except cd.DriverError:
        pass
    press_on(node)
    cd.wait_for(lambda: node.getState().contains(pyatspi.STATE_FOCUSED),
                f"{cd.role_name(node)} {cd.name_of(node)!r} to take the focus")


def type_into(node, text):
    """Replace the text of an entry and press Enter in it, as typing does:
    the views commit a field on Enter (or when the focus leaves it)."""
    focus(node)
    cd.set_text(node, text)
    cd.wait_for(lambda: cd.text_of(node) == text, f"{text!r} in {cd.name_of(node)!r}")
    xdotool("key", "Return")


def open_place(app, place):
    """Teams, Calendar or Risks from anywhere: the Program tab (one
    activation), then the place's row in the sidebar (the second). Returns
    the place's panel."""
    win = app.window()
    cd.click(app.workspace_button("Program"))
    cd.wait_for(lambda: app.workspace() == "availability", "the Program workspace")
    press_on(cd.find(win, role="list item", name=place, pred=cd.has_size))
    # The place's page (a panel named after it) is in the tree whether it
    # shows or not, and GTK 4.8 gives pages no extents: its first button
    # taking space on screen says the place shows.
    panel = cd.find(win, role="panel", name=place)
    cd.find(panel, role="push button", name=PLACE_BUTTONS[place], pred=cd.has_size)
    if SHOT_DIR:
        app.screenshot(os.path.join(SHOT_DIR, f"availability-{place.lower()}.png"))
    return panel


def launch_summary(app):
    """The Timeline's one-line summary of the launch, read in the Timeline."""
    app.switch_workspace("Timeline")
    # GTK 4.8 names a label by its text once it has one, over the accessible
    # label "Launch summary" the .ui gives it: find it by what it says.
    label = cd.find(app.window(), role="label", pred=lambda n: cd.has_size(n) and
                    cd.name_of(n).startswith("Launch ") and cd.name_of(n) != "Launch summary")
    return cd.text_of(label)


def forecast(path):
    cli = os.path.join(cd.build_root(), "src", "charter-cli")
    out = subprocess.run([cli, "schedule", "--simulate", "200", "--seed", "1", "--format", "json", path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    workdir = tempfile.mkdtemp(prefix="charter-e2e-availability-")
    saved = os.path.join(workdir, "availability.charter")

    with cd.Charter([], env={"CHARTER_TODAY": TODAY}) as app:
        win = app.window()
        # File → New (the primary menu's New is app.new).
        app.activate("app.new")
        app.wait_title(lambda t: t == "Untitled Plan", "the new plan")
        app.switch_workspace("Plan")
        # The work: a task with a duration (a risk counts on those only).
        # Enter on the new (selected) task opens its editor, on its name.
        cd.click(cd.find(win, role="push button", name="Add Task", pred=cd.has_size))
        cd.wait_for(lambda: app.action_enabled("win.undo"), "the new task")
        xdotool("key", "Return")
        name = cd.find(win, role="text", name="Name", pred=cd.has_size)
        cd.wait_for(lambda: cd.text_of(name) == "New task", "the new task's editor")
        cd.set_text(name, "Build the API")
        xdotool("key", "Return", "Escape")
        cd.find(win, role="push button", name_contains="Build the API", pred=cd.has_size)
        # The launch: a second task, made a launch milestone (the calendar's
        # no-launch days apply to a launch milestone only).
        cd.click(cd.find(win, role="push button", name="Add Task", pred=cd.has_size))
        cd.find(win, role="push button", name_contains="New task", pred=cd.has_size)
        cd.wait_for(lambda: cd.find_all(win, role="push button", name_contains="New task",
                                        pred=lambda n: n.getState().contains(cd._pyatspi().STATE_FOCUSED)),
                    "the focus on the new task")
        xdotool("key", "Return")
        # GTK 4.8 gives a GtkCheckButton no AT-SPI action, does not answer
        # Component.grabFocus for it, and reports a popover's extents relative
        # to the popover, so neither AT-SPI nor a click at its extents can
        # tick it. The keyboard can, as for a user: the mnemonics of
        # "_Milestone" and "_Launch" (Alt+M, Alt+L).
        for box, key in (("Milestone", "alt+m"), ("Launch", "alt+l")):
            check = cd.find(win, role="check box", name=box, pred=lambda n: cd.has_size(n) and cd.is_sensitive(n))
            xdotool("key", key)
            cd.wait_for(lambda: cd.is_checked(check), f"{box} to be ticked")
        xdotool("key", "Escape")
        plain = launch_summary(app)

        # Teams: a team, its capacity, a commitment with a reason.
        teams = open_place(app, "Teams")
        cd.click(cd.find(teams, role="push button", name="Add Team", pred=cd.has_size))
        name = cd.find(teams, role="text", name="Team name", pred=cd.has_size)
        type_into(name, "Backend")
        capacity = cd.find(teams, name="Capacity of Backend", pred=cd.has_size)
        capacity.queryValue().currentValue = 2.0
        cd.click(cd.find(teams, role="push button", name="Add a commitment for Backend", pred=cd.has_size))
        type_into(cd.find(teams, role="text", name="Start of Backend’s commitment", pred=cd.has_size), "2027-03-15")
        type_into(cd.find(teams, role="text", name="End of Backend’s commitment", pred=cd.has_size), "2027-03-26")
        type_into(cd.find(teams, role="text", name="Reason for Backend’s commitment", pred=cd.has_size),
                  "Payments migration")

        # Calendar: a holiday while the task runs moves the launch a day.
        calendar = open_place(app, "Calendar")
        type_into(cd.find(calendar, role="text", name="New holiday", pred=cd.has_size), HOLIDAY)
        cd.find(calendar, role="push button", name="Remove holiday Tuesday 2 March 2027", pred=cd.has_size)
        after_holiday = launch_summary(app)
        assert after_holiday != plain, f"the holiday did not move the launch: {plain!r}"

        # No launch on the weekday the launch has moved to (Wednesday 3 March).
        calendar = open_place(app, "Calendar")
        cd.click(cd.find(calendar, role="push button", name="No launch on Wednesday", pred=cd.has_size))
        after_rule = launch_summary(app)
        assert after_rule != after_holiday, f"the no-launch day did not move the launch: {after_holiday!r}"

        # Risks: a risk, certain, of 5 working days on the task.
        risks = open_place(app, "Risks")
        cd.click(cd.find(risks, role="push button", name="Add Risk", pred=cd.has_size))
        description = cd.find(risks, role="text", name="Risk description", pred=cd.has_size)
        type_into(description, "API slower than expected")
        risk = "“API slower than expected”"
        cd.find(risks, name=f"Probability in percent of {risk}", pred=cd.has_size).queryValue().currentValue = 100.0
        cd.find(risks, name=f"Impact in working days of {risk}", pred=cd.has_size).queryValue().currentValue = 5.0
        affects = cd.find(risks, name=f"Tasks {risk} affects", pred=cd.has_size)
        cd.click(affects)
        task = cd.find(win, role="check box", name="Build the API", pred=cd.has_size)
        # The task's check button (no AT-SPI action, see above) has no
        # mnemonic: the popover gives the focus to its first task, this one,
        # and Space ticks it.
        pyatspi = cd._pyatspi()
        cd.wait_for(lambda: task.getState().contains(pyatspi.STATE_FOCUSED), "the focus on the task's check box")
        xdotool("key", "space")
        # Ticking it rebuilds the card (its menu lists the tasks it affects),
        # and the forecast runs again, off the main thread.
        effect = cd.find(risks, role="label", name_contains="Moves the 80 % date by", pred=cd.has_size,
                         timeout=30)
        cd.wait_for(lambda: "by 0 " not in cd.text_of(effect) and "by 5 " in cd.text_of(effect),
                    f"the risk to move the 80 % date by 5 days (it says {cd.text_of(effect)!r})", timeout=30)

        app.activate("win.save-as")
        cd.choose_file(app, saved, "Save")
        app.wait_title(lambda t: t == "availability", "the saved file's name without a marker")
        assert app.proc.poll() is None, "charter exited during the test"

    with open(saved, encoding="utf-8") as f:
        plan = json.load(f)["plan"]
    team = next(t for t in plan["teams"] if t["name"] == "Backend")
    assert team.get("capacity") == 2, team
    assert [(c["start"], c["finish"], c.get("reason")) for c in team["commitments"]] == \
        [("2027-03-15", "2027-03-26", "Payments migration")], team
    assert plan["calendar"]["holidays"] == [HOLIDAY], plan["calendar"]
    assert "wednesday" in json.dumps(plan["calendar"].get("no_launch_days", plan["calendar"])).lower(), plan["calendar"]
    risk = next(r for r in plan["risks"] if r["description"] == "API slower than expected")
    task_id = next(t["id"] for t in plan["tasks"] if t["name"] == "Build the API")
    assert risk["probability"] == 100 and risk["impact_days"] == 5 and risk["task_ids"] == [task_id], risk

    result = forecast(saved)
    project = result["project"]
    tasks = {t["name"]: t for t in result["tasks"]}
    # The holiday on Tue 2 March moves both a day; the launch, due Wed 3
    # March, may not fall on a Wednesday: Thu 4 March.
    assert tasks["New task"]["start"] == "2027-03-04", tasks["New task"]
    assert project["finish"] == "2027-03-09", f"finish {project['finish']}, expected Tue 9 March"
    # The certain risk adds 5 working days to the 5-day task: Tue 16 March.
    assert project["p80"] == "2027-03-16", f"P80 {project['p80']}, expected Tue 16 March"
    effects = {r["id"]: r["p80_effect_days"] for r in result["risks"]}
    assert effects.get(risk["id"]) == 5, effects
    print(f"1..1\nok 1 - availability end to end: launch {tasks['New task']['start']}, "
          f"finish {project['finish']}, P80 {project['p80']}")


if __name__ == "__main__":
    main()
