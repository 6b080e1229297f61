# SPDX-License-Identifier: GPL-3.0-or-later
"""charterdriver: start the real `charter` binary and drive it as a user would.

Use it from an end-to-end test run by /usr/bin/python3 (the interpreter with
pyatspi):

    import charterdriver as cd

    cd.ensure_session()                 # re-runs this script in its own dbus-run-session
    with cd.Charter([example_copy]) as app:
        win = app.window()              # the main window (AT-SPI frame)
        app.switch_workspace("Plan")    # clicks the view switcher button
        app.activate("win.undo")        # any GAction, through org.gtk.Actions
        button = cd.find(win, role="push button", name="Undo")
        cd.click(button)
        app.screenshot("/tmp/plan.png")

Everything waits with a timeout and raises DriverError with a message that
says what was looked for, so a failing test says why.

Environment: CHARTER_BUILD_ROOT and CHARTER_SOURCE_ROOT (set by tests/meson.build)
locate the binary, the example and the compiled GSettings schema.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

DEFAULT_TIMEOUT = float(os.environ.get("CHARTER_E2E_TIMEOUT", "20"))
APP_ID = "org.charterapp.Charter"
APP_PATH = "/org/charterapp/Charter"
WORKSPACES = ("Discovery", "Spec", "Plan", "Timeline")


class DriverError(AssertionError):
    """Something the test waited for did not happen."""


# --- session -----------------------------------------------------------------

def ensure_session(screen="1920x1080x24"):
    """Re-execute the calling script inside its own X server (Xvfb) and its own
    D-Bus session, so that its Charter never meets another one.

    Both matter when tests run in parallel: GtkApplication is single-instance
    per session bus, and the accessibility bus address is published on the X
    root window (AT_SPI_BUS), where GTK and libatspi look first, so two tests
    on one display would drive each other's application. A private display
    also keeps the pointer and windows of one test out of another's way.
    CHARTER_E2E_SHARED_DISPLAY=1 keeps the current display (to watch a test)."""
    if os.environ.get("CHARTER_E2E_SESSION") == "1":
        return
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        print("1..0 # SKIP pyatspi is not installed (apt-get install python3-pyatspi)")
        sys.exit(77)
    for tool in ("dbus-run-session", "gdbus"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} is not installed")
            sys.exit(77)
    env = dict(os.environ)
    env["CHARTER_E2E_SESSION"] = "1"
    # The test environment turns the accessibility bridge off for widget
    # tests; end-to-end tests need it on.
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    # libatspi warns when an object vanishes between two calls, which is
    # normal while windows come and go; it must not abort the driver.
    env.pop("G_DEBUG", None)
    # The accessibility bus of this session puts its socket in
    # $XDG_RUNTIME_DIR/at-spi (or ~/.cache/at-spi without one): a private
    # directory keeps it from replacing, then deleting, the socket of the
    # session the other tests run in.
    env["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="charter-e2e-runtime-")
    cmd = ["dbus-run-session", "--", sys.executable] + sys.argv
    if not (env.get("DISPLAY") and env.get("CHARTER_E2E_SHARED_DISPLAY") == "1"):
        if shutil.which("xvfb-run") is None:
            print("1..0 # SKIP xvfb-run is not installed")
            sys.exit(77)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        # -a looks for a free display from -n on; a random start keeps tests
        # that start at the same moment from racing for the same number.
        first = 100 + (os.getpid() * 7 + int(time.time() * 1000)) % 800
        cmd = ["xvfb-run", "-a", "-n", str(first), "-s", f"-screen 0 {screen}"] + cmd
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvpe(cmd[0], cmd, env)


def _wait_for_display(timeout=10.0):
    """Wait until the X server of $DISPLAY accepts connections."""
    match = re.match(r"^:(\d+)", os.environ.get("DISPLAY", ""))
    if match is None:
        return
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.connect(path)
            return
        except OSError:
            time.sleep(0.1)


def build_root():
    root = os.environ.get("CHARTER_BUILD_ROOT")
    if not root:
        here = os.path.dirname(os.path.abspath(__file__))
        root = os.path.join(here, "..", "..", "_build")
    return os.path.abspath(root)


def source_root():
    root = os.environ.get("CHARTER_SOURCE_ROOT")
    if not root:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    return os.path.abspath(root)


def example_path():
    return os.path.join(source_root(), "data", "examples", "workout-history.charter")


def copy_example(directory, name="workout-history.charter"):
    """Copy the bundled example into @directory and return the new path."""
    dest = os.path.join(directory, name)
    shutil.copyfile(example_path(), dest)
    return dest


# --- waiting and finding -----------------------------------------------------

def wait_for(predicate, what, timeout=DEFAULT_TIMEOUT, interval=0.1):
    """Call @predicate until it returns something true; return that value.
    Raises DriverError naming @what after @timeout seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as e:  # AT-SPI objects can go away under us
            last_error = e
        if time.monotonic() > deadline:
            extra = f" (last error: {last_error})" if last_error else ""
            raise DriverError(f"timed out after {timeout:.0f}s waiting for {what}{extra}")
        time.sleep(interval)


def _pyatspi():
    import pyatspi  # only with /usr/bin/python3
    return pyatspi


def role_name(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


def name_of(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def plain_name(node):
    """The accessible name without mnemonic underscores. GTK 4.8 names a
    button by its label property and its label child together, "_Open Open"
    or "Add Task Add Task": that becomes "Open", "Add Task"."""
    n = name_of(node)
    for i, c in enumerate(n):
        if c == " " and n[:i].replace("_", "") == n[i + 1:]:
            return n[i + 1:]
    return n.replace("_", "")


def _matches(node, role, name, name_contains, pred):
    if role is not None and role_name(node) != role:
        return False
    if name is not None and plain_name(node) != name:
        return False
    if name_contains is not None and name_contains not in name_of(node):
        return False
    if pred is not None and not pred(node):
        return False
    return True


def find_all(root, role=None, name=None, name_contains=None, pred=None, max_depth=60):
    """Every descendant of @root (breadth first) with that role name (as
    AT-SPI spells it: "push button", "toggle button", "frame", "text", ...),
    accessible name (mnemonic underscores ignored) and predicate."""
    found = []
    queue = [(root, 0)]
    while queue:
        node, depth = queue.pop(0)
        if node is None:
            continue
        if node is not root and _matches(node, role, name, name_contains, pred):
            found.append(node)
        if depth >= max_depth:
            continue
        try:
            count = node.childCount
        except Exception:
            continue
        for i in range(count):
            try:
                queue.append((node.getChildAtIndex(i), depth + 1))
            except Exception:
                pass
    return found


def find(root, role=None, name=None, name_contains=None, pred=None, timeout=DEFAULT_TIMEOUT):
    """The first matching descendant of @root; waits for it to appear."""
    desc = ", ".join(f"{k}={v!r}" for k, v in
                     (("role", role), ("name", name), ("name_contains", name_contains))
                     if v is not None)

    def look():
        hits = find_all(root, role, name, name_contains, pred)
        return hits[0] if hits else None

    return wait_for(look, f"a widget with {desc or 'any properties'}", timeout)


def dump(node, depth=0, max_depth=12, out=None):
    """The accessible tree under @node as text, for debugging a test."""
    lines = [] if out is None else out
    lines.append("  " * depth + f"[{role_name(node)}] {name_of(node)!r}")
    if depth < max_depth:
        try:
            for i in range(node.childCount):
                dump(node.getChildAtIndex(i), depth + 1, max_depth, lines)
        except Exception:
            pass
    return "\n".join(lines) if out is None else None


# --- acting ------------------------------------------------------------------

def _actions(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return None, []
    return action, [action.getName(i) for i in range(action.nActions)]


def do_action(node, *names):
    """Invoke the first of the AT-SPI actions @names (e.g. "click") @node has.
    A composite widget without the action (GtkMenuButton wraps a button) passes
    it to its first descendant that has it."""
    action, available = _actions(node)
    for wanted in names:
        if wanted in available:
            action.doAction(available.index(wanted))
            return
    for child in find_all(node, max_depth=4):
        child_action, child_available = _actions(child)
        for wanted in names:
            if wanted in child_available:
                child_action.doAction(child_available.index(wanted))
                return
    raise DriverError(f"{role_name(node)} {name_of(node)!r} has none of the actions "
                      f"{list(names)}; it has {available}")


def click(node):
    """Click a button, toggle button, check box or menu item."""
    do_action(node, "click", "press", "activate", "toggle")


def is_checked(node):
    pyatspi = _pyatspi()
    return node.getState().contains(pyatspi.STATE_CHECKED) or \
        node.getState().contains(pyatspi.STATE_PRESSED) or \
        node.getState().contains(pyatspi.STATE_SELECTED)


def is_sensitive(node):
    pyatspi = _pyatspi()
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def has_size(node):
    """Whether @node takes up space on screen (GTK 4.8 has no SHOWING state)."""
    try:
        extents = node.queryComponent().getExtents(0)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def text_of(node):
    """The text of a label or entry."""
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except NotImplementedError:
        return name_of(node)


def set_text(node, text):
    """Replace the text of an editable entry."""
    node.queryEditableText().setTextContents(text)


# --- the application ---------------------------------------------------------

class Charter:
    """The real `charter` binary, started in the current (private) session."""

    def __init__(self, args=(), env=None, settings=None, binary=None):
        self.args = list(args)
        self.extra_env = env or {}
        self.settings = settings or {}
        self.binary = binary or os.path.join(build_root(), "src", "charter")
        self.proc = None
        self.app = None
        self.home = None
        self.log = None

    # context manager
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            try:
                path = os.path.join(tempfile.gettempdir(), "charter-e2e-failure.png")
                self.screenshot(path)
                sys.stderr.write(f"charterdriver: screenshot of the failure in {path}\n")
            except Exception:
                pass
            # Whether charter is still there, and what it said: a failure
            # that is a crash must say so.
            if self.proc is not None and self.proc.poll() is not None:
                sys.stderr.write(f"charterdriver: charter had exited with status {self.proc.returncode}\n")
            try:
                sys.stderr.write("charterdriver: charter's output:\n" + self.output()[-4000:] + "\n")
            except Exception:
                pass
        self.stop()
        return False

    def start(self):
        """Start charter with a private HOME/XDG dirs and in-memory settings."""
        self.home = tempfile.mkdtemp(prefix="charter-e2e-")
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        env.pop("G_DEBUG", None)  # a theme warning must not abort the app under test
        env.update({
            "GSETTINGS_SCHEMA_DIR": os.path.join(build_root(), "data"),
            "GSETTINGS_BACKEND": "memory",
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "GSK_RENDERER": env.get("GSK_RENDERER", "cairo"),
            "GTK_USE_PORTAL": "0",
        })
        env.update(self.extra_env)
        self.log = open(os.path.join(self.home, "charter.log"), "w+")
        # A private X server can still be coming up when the test starts; a
        # charter that could not open the display is started again, briefly.
        for attempt in range(5):
            _wait_for_display()
            self.proc = subprocess.Popen([self.binary] + self.args, env=env,
                                         stdout=self.log, stderr=subprocess.STDOUT)
            try:
                self.proc.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                break
            if "cannot open display" not in self.output():
                break
            time.sleep(1.0)
        self.app = wait_for(self._find_app, "the charter application on the accessibility bus")
        self.window()
        return self

    def _find_app(self):
        if self.proc.poll() is not None:
            raise DriverError(f"charter exited with status {self.proc.returncode}: {self.output()}")
        desktop = _pyatspi().Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            if name_of(app) in ("charter", "Charter") and app.get_process_id() == self.proc.pid:
                return app
        return None

    def output(self):
        """What charter printed so far (warnings, criticals)."""
        if self.log is None:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self, timeout=5):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log is not None:
            self.log.close()
            self.log = None
        if self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None

    def wait_exit(self, timeout=DEFAULT_TIMEOUT):
        """Wait for charter to end by itself (after app.quit); its exit status."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise DriverError(f"charter did not exit within {timeout:.0f}s")

    # windows
    def windows(self):
        return [self.app.getChildAtIndex(i) for i in range(self.app.childCount)]

    def window(self, name_contains=None, timeout=DEFAULT_TIMEOUT):
        """The first top-level frame (optionally whose title contains a text)."""
        def look():
            for w in self.windows():
                if w is not None and role_name(w) in ("frame", "window") and \
                        (name_contains is None or name_contains in name_of(w)):
                    return w
            return None
        return wait_for(look, f"a charter window{' titled ~' + repr(name_contains) if name_contains else ''}",
                        timeout)

    def dialog(self, name_contains=None, timeout=DEFAULT_TIMEOUT):
        """A top-level window other than a main window: message dialog, file
        chooser, preferences. With @name_contains, any top-level whose title
        contains it (GTK 4.8 calls some of them "frame", others "filler");
        without, the first that is not a frame."""
        def look():
            for w in self.windows():
                if w is None:
                    continue
                if name_contains is not None:
                    if name_contains in name_of(w):
                        return w
                elif role_name(w) != "frame":
                    return w
            return None
        return wait_for(look, f"a dialog{' titled ~' + repr(name_contains) if name_contains else ''}",
                        timeout)

    def title(self):
        return name_of(self.window())

    def wait_title(self, pred, what, timeout=DEFAULT_TIMEOUT):
        """Wait until the main window's title satisfies @pred."""
        return wait_for(lambda: pred(self.title()) and self.title(), what, timeout)

    # workspaces
    def workspace_button(self, workspace):
        """The view switcher's button (a "page tab") for @workspace: the one
        on screen (the header's switcher when wide, the bottom bar when
        narrow; the others have no size and ignore clicks)."""
        return find(self.window(), role="page tab", name=workspace, pred=has_size)

    def workspace(self, window_id=1):
        """The visible workspace ("discovery", "spec", ...), from win.workspace."""
        return self.action_state("win.workspace", window_id)

    def switch_workspace(self, workspace):
        """Click the view switcher button of @workspace and wait until the
        window shows it. (GTK 4.8 does not report the button's checked state.)"""
        button = self.workspace_button(workspace)
        click(button)
        wait_for(lambda: self.workspace() == workspace.lower(),
                 f"the window to show the {workspace} workspace (it shows {self.workspace()!r})")
        return button

    # actions, through GtkApplication's D-Bus export of its action groups
    def activate(self, action, parameter=None, window_id=1):
        """Activate "app.NAME" or "win.NAME" (window @window_id, counted from 1)
        with an optional GVariant text parameter such as "'plan'"."""
        group, _, name = action.partition(".")
        path = APP_PATH if group == "app" else f"{APP_PATH}/window/{window_id}"
        params = f"[<{parameter}>]" if parameter is not None else "[]"
        subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", path,
                        "--method", "org.gtk.Actions.Activate", name, params, "{}"],
                       check=True, stdout=subprocess.DEVNULL)

    def action_enabled(self, action, window_id=1):
        from gi.repository import Gio, GLib
        group, _, name = action.partition(".")
        path = APP_PATH if group == "app" else f"{APP_PATH}/window/{window_id}"
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync(APP_ID, path, "org.gtk.Actions", "Describe",
                              GLib.Variant("(s)", (name,)), None, Gio.DBusCallFlags.NONE, 5000, None)
        return bool(reply.unpack()[0][0])

    def action_state(self, action, window_id=1):
        """The state of a stateful action, as a Python value (str, bool, int)."""
        from gi.repository import Gio, GLib
        group, _, name = action.partition(".")
        path = APP_PATH if group == "app" else f"{APP_PATH}/window/{window_id}"
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync(APP_ID, path, "org.gtk.Actions", "Describe",
                              GLib.Variant("(s)", (name,)), None, Gio.DBusCallFlags.NONE, 5000, None)
        enabled, signature, state = reply.unpack()[0]
        return state[0] if state else None

    # seeing
    def screenshot(self, path):
        """The whole X screen (there is no window manager: the window is at 0,0)."""
        subprocess.run(["import", "-window", "root", path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return path


# --- the file chooser --------------------------------------------------------

def choose_file(app, path, title_contains=None, timeout=DEFAULT_TIMEOUT):
    """Fill in GTK's Save file chooser (GtkFileChooserNative falls back to
    GtkFileChooserDialog without a portal) with @path and press Save.
    For opening, start charter with the file or activate "win.open-uri"."""
    dialog = app.dialog(title_contains, timeout)
    pyatspi = _pyatspi()
    # The name entry: typing a full path into it saves there.
    entry = wait_for(lambda: ([e for e in find_all(dialog, role="text", name="Name:")
                               if e.getState().contains(pyatspi.STATE_EDITABLE)] or [None])[0],
                     "the Name entry of the file chooser", timeout)
    set_text(entry, os.path.abspath(path))
    wait_for(lambda: text_of(entry) == os.path.abspath(path), "the file name to be typed", timeout)
    for label in ("Save", "Export"):
        buttons = find_all(dialog, role="push button", name=label)
        if buttons:
            click(buttons[0])
            wait_for(lambda: not any(name_of(w) == name_of(dialog) for w in app.windows()),
                     "the file chooser to close", timeout)
            return
    raise DriverError("no Save button in the file chooser: " +
                      ", ".join(repr(name_of(b)) for b in find_all(dialog, role="push button")))
