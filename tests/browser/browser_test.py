#!/usr/bin/python3
"""The browser client end to end: a real `moneytrail serve` on 127.0.0.1 sends the page, and
Debian's headless Chromium (software WebGL2) plays a trainee through it with real mouse and
keyboard events from chromedriver (python3-selenium).

Run 1, in Spanish, opens the page as a room would: through a host name that Chromium maps to
127.0.0.1, so the origin is not a secure context. The trainee joins, explores, answers a question,
sends a request, copies an address to the clipboard, reloads the page (and is the same trainee;
an action whose answer was lost to the reload is sent again and applied at most once),
sees the server go away and come back, submits and reads the debrief. Run 2 plays the same case
in English on 127.0.0.1 (without the clipboard and the server restart). Run 3 turns WebGL off and
expects the page's explanation instead of a blank canvas. Run 4 is self-paced practice (serve
--practice over the case folder): pick a case, play, submit, read the debrief, reload. Every step
leaves a PNG in the output folder.

The page answers where it drew a named item (window.Module.ccall('mt_test_item'), the probe keys
of sim/ui) and what the casefile holds, so the test clicks where a trainee would and checks what
the server accepted.

usage: browser_test.py --moneytrail BIN --web-dir DIR --scenario YAML --out DIR
"""
import argparse
import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

RANSOM = "bc1qtc5kqy2kx9ljgqzc7l5e6kj6vetpwj02k5h8eu"
AFFILIATE = "bc1q0ja4xdjqjh8gff6yyw66h60fnh52mkga9j8usd"
CHANGE = "bc1q0y0heaflmn5743myljvjqyteuw0cc64jzd4th7"
DEPOSIT = "bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam"

# Bounded waits: every loop below gives up after this many seconds.
WAIT_S = 30.0


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def require_tools():
    """Missing tools fail the test by name: they are part of `make deps`."""
    for tool, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(tool, os.X_OK):
            raise Failure("%s is missing (Debian package %s; run `make deps`)" % (tool, package))
    try:
        import selenium  # noqa: F401
    except ImportError:
        raise Failure("python3-selenium is missing (Debian package python3-selenium; run `make deps`)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Seminar:
    """`moneytrail serve` in the background, its join code and instructor secret."""

    def __init__(self, args, port, db, practice_dir=None):
        self.args, self.port, self.db, self.practice_dir = args, port, db, practice_dir
        self.process = None
        self.code = self.secret = None
        self.output = []

    def start(self):
        what = ([self.practice_dir, "--practice"] if self.practice_dir else [self.args.scenario])
        self.process = subprocess.Popen(
            [self.args.moneytrail, "serve"] + what + ["--bind", "127.0.0.1",
             "--port", str(self.port), "--db", self.db, "--web-dir", self.args.web_dir],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        ready = threading.Event()

        def read():
            for line in self.process.stdout:
                self.output.append(line)
                if "JOIN CODE:" in line:
                    self.code = line.split(":", 1)[1].strip()
                if "instructor secret:" in line:
                    self.secret = line.split(":", 1)[1].split()[0]
                if "Ctrl+C" in line:
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        check(ready.wait(WAIT_S) and self.process.poll() is None,
              "moneytrail serve did not start:\n" + "".join(self.output))
        check(self.practice_dir or (self.code and self.secret),
              "no join code or secret printed:\n" + "".join(self.output))
        check(not any("browser client is not built" in l for l in self.output),
              "the server did not find the browser client:\n" + "".join(self.output))

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(WAIT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def trainee(self, method, path, token, body=None):
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path),
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"X-Trainee-Token": token,
                                                  "Content-Type": "application/json"},
                                         method=method)
        with urllib.request.urlopen(request, timeout=10) as reply:
            return json.loads(reply.read())

    def instructor(self, path):
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=b"",
                                         headers={"X-Instructor-Secret": self.secret}, method="POST")
        with urllib.request.urlopen(request, timeout=10) as reply:
            return json.loads(reply.read())


def check_static_files(port):
    """The page, script and module come gzip-compressed from the seminar's port (the module as
    compressed at build time, the text by the HTTP library), and plain when not asked for gzip."""
    sizes = {}
    for path, kind in (("/", "text/html"), ("/moneytrail.js", "javascript"),
                       ("/moneytrail.wasm", "application/wasm")):
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path),
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            body = reply.read()
            check(reply.headers.get("Content-Encoding") == "gzip", path + " is not sent gzipped")
            check(kind in reply.headers.get("Content-Type", ""), path + " has the wrong type")
            plain = gzip.decompress(body)
            sizes[path] = len(body)
        with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=10) as reply:
            check(reply.headers.get("Content-Encoding") is None, path + " gzipped unasked")
            check(reply.read() == plain, path + " differs between its plain and gzip forms")
    total = sum(sizes.values())
    print("compressed download: %d bytes (page %d, script %d, module %d)" %
          (total, sizes["/"], sizes["/moneytrail.js"], sizes["/moneytrail.wasm"]))
    return total


class Page:
    """One Chromium showing the client; clicks and keys are real input events."""

    def __init__(self, language, host_rule, out_dir, prefix, extra=()):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                         "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,900",
                         "--force-device-scale-factor=1", "--lang=" + language,
                         "--no-first-run", "--disable-extensions"):
            options.add_argument(argument)
        if host_rule:
            options.add_argument("--host-resolver-rules=" + host_rule)
        for argument in extra:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": language})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_script_timeout(WAIT_S)
        self.out_dir, self.prefix, self.shot = out_dir, prefix, 0

    def close(self):
        self.driver.quit()

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, what, condition, seconds=WAIT_S):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(0.1)
        self.screenshot("failed")
        raise Failure("timed out waiting for " + what)

    def open(self, url):
        self.driver.get(url)
        self.wait("the first frame", lambda: self.js("return moneytrailPage.firstFrameMs"))
        self.js("Module.ccall('mt_test_record_items', null, [], [])")
        return self.js("return moneytrailPage.firstFrameMs")

    def state(self):
        return json.loads(self.js("return Module.ccall('mt_test_state', 'string', [], [])"))

    def casefile(self):
        return self.state()["casefile"]

    def item(self, key):
        return json.loads(self.js("return Module.ccall('mt_test_item', 'string', ['string'], [arguments[0]])", key))

    def screenshot(self, name):
        self.shot += 1
        path = os.path.join(self.out_dir, "%s-%d-%s.png" % (self.prefix, self.shot, name))
        self.driver.save_screenshot(path)
        return path

    def visible_rect(self, key):
        """The item's rectangle, scrolled into the page's view first as a trainee would: with the
        mouse wheel over the panel that holds it (a long form, such as the legal request's,
        runs past the bottom of the window)."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
        rect = self.wait("item " + key, lambda: self.item(key))
        height = self.js("return window.innerHeight")
        for _ in range(20):
            if rect[1] >= 0 and rect[3] <= height:
                return rect
            x, y = int((rect[0] + rect[2]) / 2), int(height / 2)
            self.move_to(x, y)  # ImGui scrolls the panel under the mouse
            ActionChains(self.driver).scroll_from_origin(
                ScrollOrigin.from_viewport(x, y), 0, 100 if rect[3] > height else -100).perform()
            time.sleep(0.25)  # a few frames for ImGui to scroll and record the item again
            rect = self.wait("item " + key, lambda: self.item(key))
        self.screenshot("outside-" + key)
        raise Failure("item %s stays outside the window (%r, window height %d)" % (key, rect, height))

    def move_to(self, x, y):
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        actions = ActionBuilder(self.driver)
        actions.pointer_action.move_to_location(x, y)
        actions.perform()

    def click(self, key, button="left"):
        rect = self.visible_rect(key)
        x, y = int((rect[0] + rect[2]) / 2), int((rect[1] + rect[3]) / 2)
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.actions.mouse_button import MouseButton
        actions = ActionBuilder(self.driver)
        pointer = actions.pointer_action
        pointer.move_to_location(x, y)
        pointer.pause(0.05)
        which = MouseButton.RIGHT if button == "right" else MouseButton.LEFT
        pointer.pointer_down(which)
        pointer.pause(0.05)
        pointer.pointer_up(which)
        actions.perform()
        time.sleep(0.25)  # a few frames for ImGui to act on the click

    def type(self, text):
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.driver).send_keys(text).perform()
        time.sleep(0.25)


def address(casefile, wanted):
    for entry in casefile["addresses"]:
        if entry["address"] == wanted:
            return entry
    return None


def copy_and_paste(page):
    """Copies the deposit address from its node's menu, then pastes it into a text field of the
    page with Ctrl+V: the system clipboard holds it, on an insecure origin too."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    copied_before = page.js("return moneytrailPage.copied")
    page.click("graph.node:" + DEPOSIT, button="right")
    page.click("graph.copy_id")
    page.wait("the copy", lambda: page.js("return moneytrailPage.copied") > copied_before)
    page.js("var f = document.createElement('input'); f.id = 'paste-check';"
            "f.style.position = 'fixed'; f.style.left = '0'; f.style.top = '0';"
            "document.body.appendChild(f); f.focus();")
    ActionChains(page.driver).key_down(Keys.CONTROL).send_keys("v").key_up(Keys.CONTROL).perform()
    pasted = page.js("var f = document.getElementById('paste-check'); var v = f.value;"
                     "f.remove(); document.getElementById('canvas').focus(); return v;")
    check(pasted == DEPOSIT, "the clipboard holds %r, not the address" % pasted)


def server_goes_away(page, seminar, language):
    """The server stops: the page says so in its banner, and reconnects by itself when the server
    is back on the same record."""
    seminar.stop()
    page.wait("the connection-lost banner",
              lambda: page.js("return document.getElementById('banner').style.display") == "block")
    banner = page.js("return document.getElementById('banner').textContent")
    check(("Reconectando" in banner) if language == "es" else ("Reconnecting" in banner),
          "the banner says %r" % banner)
    page.screenshot("server-gone")
    seminar.start()
    page.wait("the reconnection",
              lambda: page.js("return document.getElementById('banner').style.display") == "none"
              and not page.state()["lost"])


def resend_after_reload(page, seminar):
    """An action the page sent but whose answer it did not see before a reload is kept under its
    id and sent again: the server answers a resend of an applied action with its first outcome
    (applied once), and applies one it never received."""
    token = page.js("return localStorage.getItem('moneytrail.token')")
    taken = lambda: seminar.trainee("GET", "/api/casefile", token)["casefile"]["actions_taken"]
    before = taken()
    applied = {"type": "wait", "duration": 60, "id": "browser-resend-applied"}
    check(seminar.trainee("POST", "/api/action", token, {"action": applied})["accepted"],
          "the server refused the wait")
    never_sent = {"type": "wait", "duration": 60, "id": "browser-resend-new"}
    for action, expected in ((applied, before + 1), (never_sent, before + 2)):
        page.js("localStorage.setItem('moneytrail.pending_action', arguments[0])", json.dumps(action))
        page.driver.refresh()
        page.wait("the first frame after reload", lambda: page.js("return moneytrailPage.firstFrameMs"))
        page.js("Module.ccall('mt_test_record_items', null, [], [])")
        page.wait("the kept action answered",
                  lambda: page.js("return localStorage.getItem('moneytrail.pending_action') === null"))
        check(taken() == expected, "after resending %s the server counts %d actions, not %d"
              % (action["id"], taken(), expected))
    page.wait("the casefile after the resends", lambda: page.casefile()["actions_taken"] == before + 2)


def practice(args, work):
    """serve --practice over the case library: the page lists the cases instead of a join form;
    the analyst picks one, plays, submits and reads the debrief; a reload continues the same
    private session."""
    # A library of two cases (the test's case and another), so both cards fit on the screen.
    folder = os.path.join(work, "library")
    os.makedirs(folder)
    for name in (os.path.basename(args.scenario), "exchange-subpoena-drill.yaml"):
        shutil.copy(os.path.join(os.path.dirname(os.path.abspath(args.scenario)), name), folder)
    library = Seminar(args, free_port(), os.path.join(work, "practice-records"),
                      practice_dir=folder)
    library.start()
    page = Page("en", None, args.out, "practice")
    try:
        page.open("http://127.0.0.1:%d/" % library.port)
        case = os.path.splitext(os.path.basename(args.scenario))[0]
        page.wait("the case library", lambda: page.item("picker.open:" + case))
        check(page.item("join.open") is None, "the practice page offers to join a seminar")
        page.screenshot("library")
        page.click("picker.open:" + case)
        page.wait("the practice session", page.casefile)
        page.wait("the graph", lambda: page.item("graph.node:" + RANSOM))
        page.click("graph.node:" + RANSOM)
        page.wait("the ransom address selected", lambda: page.state()["selection"] == RANSOM)
        page.click("inspector.expand_out")
        page.wait("the ransom address explored",
                  lambda: (address(page.casefile(), RANSOM) or {}).get("explored_out"))
        page.screenshot("playing")
        page.click("ui.clock.submit")
        page.click("submit.findings")
        page.type("Followed the ransom to the affiliate.")
        page.click("ui.submit.confirm")
        page.wait("the submission", lambda: page.casefile()["submitted"])
        page.wait("the debrief", lambda: page.item("debrief.grade"))
        page.screenshot("debrief")
        page.driver.refresh()
        page.wait("the first frame after reload", lambda: page.js("return moneytrailPage.firstFrameMs"))
        page.js("Module.ccall('mt_test_record_items', null, [], [])")
        check(page.wait("the session after reload", page.casefile)["submitted"],
              "the reload lost the practice session")
    finally:
        page.close()
        library.stop()


def without_webgl(seminar, args):
    """A browser without WebGL2 gets the page's explanation, not a blank canvas."""
    page = Page("es", None, args.out, "no-webgl", extra=("--disable-3d-apis",))
    try:
        page.driver.get("http://127.0.0.1:%d/" % seminar.port)
        title = page.wait("the no-WebGL2 page",
                          lambda: page.js("return document.getElementById('screen-title').textContent"
                                          " === TEXTS.es.no_webgl_title && TEXTS.es.no_webgl_title"))
        check("WebGL2" in page.js("return document.getElementById('screen-text').textContent"),
              "the no-WebGL2 page does not name WebGL2")
        check(page.js("return typeof Module") == "undefined", "the program was loaded anyway")
        print("no-WebGL2 page: " + title)
        page.screenshot("page")
    finally:
        page.close()


def play(seminar, args, language, host, name, prefix, full):
    """One trainee end to end; returns the first-frame time in ms. `full` adds the clipboard and
    the server going away and coming back."""
    host_rule = "MAP %s 127.0.0.1" % host if host != "127.0.0.1" else None
    page = Page(language, host_rule, args.out, prefix)
    url = "http://%s:%d/" % (host, seminar.port)
    try:
        first_frame = page.open(url)
        print("%s: first interactive frame %.0f ms after navigation" % (prefix, first_frame))
        secure = page.js("return window.isSecureContext")
        check(secure == (host == "127.0.0.1"), "isSecureContext is %s on %s" % (secure, url))
        check(page.js("return document.documentElement.lang") == language, "the page is not in " + language)
        page.screenshot("picker")

        # Join with the code and a name with accents, typed key by key.
        page.click("join.open")
        page.click("join.code")
        page.type(seminar.code)
        page.click("join.name")
        page.type(name)
        page.click("join.agency")
        page.type("Unidad de Inteligencia Financiera" if language == "es" else "Financial Crimes Unit")
        page.screenshot("join")
        page.click("join.join")
        page.wait("the casefile after joining", page.casefile)
        page.wait("the graph", lambda: page.item("graph.node:" + RANSOM))
        page.screenshot("joined")

        # Explore: select the ransom address and list its outputs.
        page.click("graph.node:" + RANSOM)
        page.wait("the ransom address selected", lambda: page.state()["selection"] == RANSOM)
        page.click("inspector.expand_out")
        page.wait("the ransom address explored",
                  lambda: (address(page.casefile(), RANSOM) or {}).get("explored_out"))
        check(address(page.casefile(), AFFILIATE), "the affiliate address did not appear")
        page.click("ui.graph.fit")
        page.click("graph.expand_out:" + AFFILIATE)
        page.wait("the change address", lambda: address(page.casefile(), CHANGE))
        page.click("ui.graph.fit")
        page.screenshot("explored")

        # Answer a question with the selected node.
        page.click("graph.node:" + CHANGE)
        page.wait("the change address selected", lambda: page.state()["selection"] == CHANGE)
        page.click("tab.checkpoints")
        page.click("checkpoint.use_selection:hop1-change")
        page.click("checkpoint.answer:hop1-change")

        def answered():
            for cp in page.casefile()["checkpoints"]:
                if cp["id"] == "hop1-change" and cp.get("answer"):
                    return cp["answer"]
            return None
        check(page.wait("the answer", answered) == CHANGE, "the answer is not the change address")
        page.screenshot("answered")

        # Find the deposit address, look it up, and send a freeze request with a justification.
        page.click("graph.search")
        page.type(DEPOSIT)
        page.click("ui.graph.find")
        page.click("ui.graph.explore_address")
        page.wait("the deposit address", lambda: address(page.casefile(), DEPOSIT))
        page.click("graph.search")
        page.click("ui.graph.find")
        page.wait("the deposit address selected", lambda: page.state()["selection"] == DEPOSIT)
        page.click("tab.tools")
        page.click("tools.lookup")
        page.wait("the attribution", lambda: (address(page.casefile(), DEPOSIT) or {}).get("attribution"))
        page.click("tab.legal")
        page.click("legal.instrument")
        page.click("legal.instrument:mx-solicitud-congelamiento")  # the case pack's freeze request
        page.click("legal.recipient")
        page.click("legal.recipient:bitnova")
        page.click("ui.legal.add_selection")
        page.click("legal.justification")
        justification = ("Fondos del rescate rastreados por una cadena de seis saltos; ¿podrían "
                         "congelar el saldo? Señal de la unidad, año 2024." if language == "es" else
                         "Ransom proceeds traced through a six-hop peel chain; please hold the balance.")
        page.type(justification)
        page.click("legal.send")
        requests = page.wait("the request", lambda: page.casefile()["requests"])
        check(len(requests) == 1, "%d requests sent" % len(requests))
        check(requests[0]["justification"] == justification,
              "the justification arrived as %r" % requests[0]["justification"])
        page.screenshot("request")

        if full:
            copy_and_paste(page)

        # A reload rejoins the same trainee: nothing lost, no join form.
        before = page.casefile()
        page.driver.refresh()
        page.wait("the first frame after reload", lambda: page.js("return moneytrailPage.firstFrameMs"))
        page.js("Module.ccall('mt_test_record_items', null, [], [])")
        after = page.wait("the casefile after reload", page.casefile)
        check(after["actions_taken"] == before["actions_taken"] and len(after["requests"]) == 1,
              "the reload lost actions (%d before, %d after)" % (before["actions_taken"], after["actions_taken"]))
        page.screenshot("reloaded")
        if full:
            resend_after_reload(page, seminar)

        if full:
            server_goes_away(page, seminar, language)

        # Submit and read the debrief.
        page.click("ui.clock.submit")
        page.click("submit.findings")
        page.type("Rastreado hasta Bitnova; congelamiento confirmado." if language == "es" else
                  "Traced to Bitnova; freeze confirmed.")
        page.click("ui.submit.confirm")
        page.wait("the submission", lambda: page.casefile()["submitted"])
        page.wait("the debrief", lambda: page.item("debrief.grade"))
        check(page.casefile().get("score"), "no score in the submitted casefile")
        page.screenshot("debrief")
        return first_frame
    finally:
        page.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--moneytrail", required=True)
    parser.add_argument("--web-dir", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    require_tools()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    work = tempfile.mkdtemp(prefix="moneytrail-browser-")
    seminar = Seminar(args, free_port(), os.path.join(work, "seminar.sqlite"))
    try:
        seminar.start()
        check_static_files(seminar.port)
        seminar.instructor("/api/instructor/start")
        play(seminar, args, "es", "aula.seminario", "Inés Peña Núñez", "es", full=True)
        play(seminar, args, "en", "127.0.0.1", "Dana Whitfield", "en", full=False)
        without_webgl(seminar, args)
        practice(args, work)
    finally:
        seminar.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("browser test passed; screenshots in " + args.out)


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        print("FAILED: %s" % failure, file=sys.stderr)
        sys.exit(1)
