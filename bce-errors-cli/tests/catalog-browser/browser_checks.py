#!/usr/bin/env python3
"""Drives the catalog page in headless Chromium over the DevTools protocol: real key
presses, network and console capture, timings, screenshots.

    browser_checks.py OUT_DIR        # OUT_DIR holds sample.html, hostile.html, big.html
                                     # and their .json data (run.sh makes them)

Prints one line per check ("ok - ..." / "FAIL - ...") and timing lines ("time - ..."),
then "N passed, N failed". Exit status 1 if any failed.
"""
import base64
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, CdpError  # noqa: E402
from reference import matches  # noqa: E402

PASSED = 0
FAILED = 0


def check(name, ok, detail=""):
    global PASSED, FAILED
    if ok:
        PASSED += 1
        print(f"ok - {name}")
    else:
        FAILED += 1
        print(f"FAIL - {name}" + (f": {detail}" if detail else ""))


def note(text):
    print(f"time - {text}")


KEYS = {
    "Escape": dict(key="Escape", code="Escape", windowsVirtualKeyCode=27),
    "Enter": dict(key="Enter", code="Enter", windowsVirtualKeyCode=13, text="\r"),
    "Tab": dict(key="Tab", code="Tab", windowsVirtualKeyCode=9),
    "ArrowDown": dict(key="ArrowDown", code="ArrowDown", windowsVirtualKeyCode=40),
    " ": dict(key=" ", code="Space", windowsVirtualKeyCode=32, text=" "),
    "/": dict(key="/", code="Slash", windowsVirtualKeyCode=191, text="/"),
}


class Page:
    def __init__(self, browser):
        self.b = browser
        for domain in ("Page", "Network", "Runtime", "Log", "Performance"):
            self.b.page(f"{domain}.enable")
        self.requests = []
        self.console = []

    def collect(self):
        for ev in self.b.drain():
            m = ev.get("method")
            p = ev.get("params", {})
            if m == "Network.requestWillBeSent":
                self.requests.append(p["request"]["url"])
            elif m == "Runtime.consoleAPICalled":
                self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p["args"]))
            elif m == "Runtime.exceptionThrown":
                self.console.append("exception: " + json.dumps(p["exceptionDetails"])[:300])
            elif m == "Log.entryAdded":
                self.console.append(f"{p['entry']['source']}: {p['entry']['text']}")

    def open(self, url, wait_ready=False, timeout=60):
        # A fresh document each time (a new fragment alone would be a same-document
        # navigation, with no load event).
        self.b.page("Page.navigate", url="about:blank")
        self.b.wait_event("Page.loadEventFired", timeout=timeout)
        self.collect()
        self.b.page("Page.navigate", url=url)
        self.b.wait_event("Page.loadEventFired", timeout=timeout)
        self.wait("document.documentElement.dataset.loadMs !== undefined", timeout)
        if wait_ready:
            self.wait("document.documentElement.dataset.ready === '1'", timeout)
        self.collect()

    def eval(self, expr):
        return self.b.eval(expr)

    def wait(self, expr, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if self.eval(expr):
                return True
            time.sleep(0.05)
        raise CdpError(f"timed out waiting for {expr}")

    def ds(self):
        return self.eval("Object.assign({}, document.documentElement.dataset)")

    def key(self, name, **mods):
        k = dict(KEYS.get(name) or dict(key=name, code="Key" + name.upper(), text=name,
                                        windowsVirtualKeyCode=ord(name.upper())))
        k.update(mods)
        self.b.page("Input.dispatchKeyEvent", type="keyDown", **k)
        k.pop("text", None)
        self.b.page("Input.dispatchKeyEvent", type="keyUp", **k)

    def type(self, text):
        for ch in text:
            if ch.isascii():
                self.key(ch)
            else:
                self.b.page("Input.insertText", text=ch)

    def frame(self):
        # Wait until the browser has rendered a frame after what just happened.
        self.b.eval("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))", await_promise=True)

    def metrics(self):
        m = self.b.page("Performance.getMetrics")["metrics"]
        return {x["name"]: x["value"] for x in m}

    def click(self, selector):
        r = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        for t in ("mousePressed", "mouseReleased"):
            self.b.page("Input.dispatchMouseEvent", type=t, x=r[0], y=r[1], button="left", clickCount=1)

    def screenshot(self, path, width, height, dark=False):
        self.b.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                    deviceScaleFactor=1, mobile=width < 500)
        self.b.page("Emulation.setEmulatedMedia",
                    features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        self.frame()
        time.sleep(0.2)
        data = self.b.page("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def shown_ids(page):
    return page.eval("Array.from(document.querySelectorAll('#list article:not([hidden])'), a => a.id)")


def only_local(page, url):
    base = url.split("#")[0]
    return [u for u in page.requests if u.split("#")[0] != base and not u.startswith("data:")]


def sample_checks(out):
    data = json.load(open(os.path.join(out, "sample.json"), encoding="utf-8"))
    total = len(data["entries"])
    url = "file://" + os.path.join(out, "sample.html")
    b = Browser(["--window-size=1280,900"])
    try:
        p = Page(b)
        p.open(url)
        d = p.ds()
        check("sample: script ran under the CSP (loadMs set)", "loadMs" in d, d)
        check("sample: every entry rendered at load", p.eval("document.querySelectorAll('#list article[data-code][data-service]').length") == total)
        check("sample: (service, code) ids unique", p.eval("new Set(Array.from(document.querySelectorAll('#list article'), a => a.id)).size") == total)
        check("sample: count text", p.eval("document.getElementById('count').textContent") == f"{total} of {total} codes")

        # keyboard: "/" focuses the search without typing a slash
        p.eval("document.activeElement && document.activeElement.blur()")
        p.key("/")
        check("'/' focuses the search", p.eval("document.activeElement.id") == "q")
        check("'/' is not typed into the search", p.eval("document.getElementById('q').value") == "")
        t0 = time.time()
        history_before = p.eval("history.length")
        p.type("NoSuchNat")
        d = p.ds()
        check("typing NoSuchNat shows 1 entry", d.get("shown") == "1" and shown_ids(p) == ["nat/NoSuchNat"], (d, shown_ids(p)))
        check("typing updates the hash (replaceState)", p.eval("location.hash") == "#q=NoSuchNat", p.eval("location.hash"))
        check("typing adds no history entries", p.eval("history.length") == history_before, p.eval("history.length"))
        note(f"sample: filterMs after typing = {d.get('filterMs')} ms (9 key presses in {1000 * (time.time() - t0):.0f} ms wall)")
        p.key("Enter")
        check("Enter in the search moves focus to the first result",
              p.eval("document.activeElement.closest('article') && document.activeElement.closest('article').id") == "nat/NoSuchNat")
        p.eval("document.getElementById('q').focus()")
        p.key("Escape")
        check("Escape clears the search", p.eval("document.getElementById('q').value") == "" and p.ds().get("shown") == str(total))
        check("clearing removes the hash", p.eval("location.hash") == "", p.eval("location.hash"))

        for q, label in (("超限额", "Chinese"), ("ＱＰＳ超限额", "full-width + Chinese"), ("qps", "ascii"),
                         ("NOSUCHNAT", "upper case"), ("ｎｏｓｕｃｈｎａｔ", "full-width")):
            p.eval("(() => { const q = document.getElementById('q'); q.value = ''; q.focus(); })()")
            p.type(q)
            want = len(matches(data, "q=" + q))
            got = int(p.ds().get("shown"))
            check(f"search {label} {q!r}: {got} shown, reference {want}", got == want and want > 0)
        p.eval("document.getElementById('q').focus()")
        p.key("Escape")

        # Tab order through the controls
        p.eval("document.getElementById('q').focus()")
        order = []
        for _ in range(5):
            p.key("Tab")
            order.append(p.eval("document.activeElement.id"))
        check("Tab order: service, status, retry, merge, reset", order == ["service", "status", "retry", "merge", "reset"], order)

        # keyboard-only select and checkbox
        p.eval("document.getElementById('service').focus()")
        p.key("ArrowDown")
        first = data["services"][0]["id"]
        want = len(matches(data, "service=" + first))
        got = p.ds().get("shown")
        check(f"ArrowDown on the service select filters to {first} ({want})",
              p.eval("document.getElementById('service').value") == first and got == str(want), (got, want))
        check("service filter in the hash", p.eval("location.hash") == f"#service={first}", p.eval("location.hash"))
        p.eval("(() => { const s = document.getElementById('service'); s.value = ''; s.dispatchEvent(new Event('change')); })()")
        p.eval("document.getElementById('merge').focus()")
        p.key(" ")
        want = len(matches(data, "merge=1"))
        check(f"Space on 'one entry per meaning' merges groups ({want} shown)", p.ds().get("shown") == str(want), p.ds())
        p.key(" ")

        # hash searches, applied through hashchange, against the reference
        for h in ("q=NoSuchNat", "service=nat", "service=vpc&status=4xx", "q=limit&retry=throttling",
                  "status=none", "status=404", "q=accessdenied&merge=1", "q=%E8%B6%85%E9%99%90%E9%A2%9D",
                  "q=request+empty&service=nat", "retry=clock-skew"):
            p.eval(f"location.hash = {json.dumps('#' + h)}")
            p.frame()
            want = len(matches(data, h))
            got = p.ds().get("shown")
            check(f"#{h}: {got} shown, reference {want}", got == str(want), p.ds())
            check(f"#{h}: count text", p.eval("document.getElementById('count').textContent").startswith(f"{want} of {total} codes"))

        # anchors
        p.eval("location.hash = '#vpc/LimitExceeded'")
        p.frame()
        check("#vpc/LimitExceeded clears the filters and shows everything", p.ds().get("shown") == str(total))
        check("#vpc/LimitExceeded is highlighted", p.eval("Array.from(document.querySelectorAll('.is-target'), a => a.id)") == ["vpc/LimitExceeded"])
        check("#vpc/LimitExceeded is focused", p.eval("document.activeElement.id") == "vpc/LimitExceeded")
        top = p.eval("document.getElementById('vpc/LimitExceeded').getBoundingClientRect().top")
        check(f"#vpc/LimitExceeded is scrolled to the top of the view (top={top:.0f}px)", 0 <= top < 250, top)

        # the group note and its links
        note_text = p.eval("document.getElementById('nat/AccessDenied').querySelector('.e-group').textContent")
        check("grouped code: 'Documented identically by 2 services' note", note_text.startswith("Documented identically by 2 services: "), note_text)
        p.click("#nat\\/AccessDenied .e-group a")
        p.frame()
        check("the note's link goes to the other service's entry", p.eval("location.hash") == "#vpc/AccessDenied"
              and p.eval("document.activeElement.id") == "vpc/AccessDenied", p.eval("location.hash"))

        # copy button
        p.click("#nat\\/NoSuchNat button.copy")
        p.wait("document.querySelector('#nat\\\\/NoSuchNat .copy-status').textContent !== ''", 10)
        status = p.eval("document.querySelector('#nat\\\\/NoSuchNat .copy-status').textContent")
        sample_text = next(e["sample"] for e in data["entries"] if e["code"] == "NoSuchNat")
        if status == "Copied":
            check("copy button: copied", True)
        else:
            check("copy button: falls back to selecting the sample", p.eval("getSelection().toString()") == sample_text, status)

        p.collect()
        check("sample: no network request but the page itself", not only_local(p, url), only_local(p, url))
        check("sample: no console message (CSP report, error)", not p.console, p.console)

        # screenshots through CDP (the --screenshot flag shows a blank page once scrolled)
        p.open(url + "#nat/AccessDenied")
        p.screenshot(os.path.join(out, "cdp-anchor-390-dark.png"), 390, 844, dark=True)
        top = p.eval("document.getElementById('nat/AccessDenied').getBoundingClientRect().top")
        check(f"the anchored entry stays at the top when the window narrows to 390 px (top={top:.0f}px)", 0 <= top < 100, top)
        p.screenshot(os.path.join(out, "cdp-anchor-1280-light.png"), 1280, 900)
        p.open(url + "#q=%E8%B6%85%E9%99%90%E9%A2%9D")
        p.screenshot(os.path.join(out, "cdp-zh-1280-dark.png"), 1280, 900, dark=True)
        p.eval("document.getElementById('q').focus()")
        p.screenshot(os.path.join(out, "cdp-focus-390-light.png"), 390, 844)
    finally:
        b.close()


def hostile_checks(out, title):
    data = json.load(open(os.path.join(out, "hostile.json"), encoding="utf-8"))
    url = "file://" + os.path.join(out, "hostile.html")
    b = Browser()
    try:
        p = Page(b)
        p.open(url)
        p.frame()
        time.sleep(0.3)
        check("hostile: title unchanged", p.eval("document.title") == title, p.eval("document.title"))
        check("hostile: no element made from spec text",
              p.eval("document.querySelectorAll('#list img, #list script, #list svg, #list iframe, #list b, #list i, #list style, #list x').length") == 0)
        check("hostile: no javascript: link", p.eval("document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0)
        check("hostile: no element has an on* attribute",
              p.eval("Array.from(document.querySelectorAll('*')).some(e => Array.from(e.attributes).some(a => a.name.startsWith('on')))") is False)
        check("hostile: every entry present", p.eval("document.querySelectorAll('#list article').length") == len(data["entries"]))
        for e in data["entries"]:
            sel = json.dumps(e["service"] + "/" + e["code"])
            got = p.eval(f"(() => {{ const a = document.getElementById({sel}); return a && [a.dataset.code, a.querySelector('.e-msg').textContent, (a.querySelector('.e-desc') || {{}}).textContent || null, (a.querySelector('pre code') || {{}}).textContent || null]; }})()")
            want = [e["code"], e["message"], e.get("description"), e.get("sample")]
            check(f"hostile: {e['code']!r} shown exactly as written", got == want, (got, want))
        for e in data["entries"]:
            tid = e["service"] + "/" + e["code"]
            p.eval("location.hash = ''")
            p.frame()  # the scroll to the top that clearing the hash does, before measuring
            p.click(f"[id={json.dumps(tid)}] .e-code a")
            p.frame()
            check(f"hostile: the permalink of {e['code']!r} leads back to it",
                  p.eval("document.activeElement.id") == tid, (p.eval("location.hash"), p.eval("document.activeElement.id")))
        zh = p.eval("document.getElementById('evil/ScriptTag').querySelector('.e-desc[lang=zh]').textContent")
        check("hostile: U+2028/U+2029 survive", zh == data["entries"][1]["description_zh"])
        p.eval(f"location.hash = {json.dumps('#q=' + '{{SCRIPT}}')}")
        check("hostile: '{{SCRIPT}}' in the data stayed literal (one-pass fill)", p.ds().get("shown") == "1")
        p.eval("location.hash = '#q=%3Cscript%3E'")
        check("hostile: searching '<script>' finds the entries that contain it", p.ds().get("shown") == str(len(matches(data, "q=<script>"))))
        p.collect()
        check("hostile: no network request", not only_local(p, url), only_local(p, url))
        check("hostile: no console message", not p.console, p.console)
    finally:
        b.close()


def big_checks(out):
    data = json.load(open(os.path.join(out, "big.json"), encoding="utf-8"))
    total = len(data["entries"])
    url = "file://" + os.path.join(out, "big.html")
    b = Browser(["--window-size=1280,900"])
    try:
        p = Page(b)
        # 1. a key press while the idle-time rendering is still going on
        p.open(url)
        d0 = p.ds()
        p.eval("document.getElementById('q').focus()")
        p.key("s")
        early = p.ds()
        note(f"big: loadMs={d0.get('loadMs')} (parseMs={d0.get('parseMs')}), first key press right after load: "
             f"filterMs={early.get('filterMs')} shown={early.get('shown')}")
        p.wait("document.documentElement.dataset.ready === '1'", 60)
        d = p.ds()
        filled = p.eval("document.querySelectorAll('#list article:not(:empty)').length")
        note(f"big: making the other elements and the search text after load took renderMs={d.get('renderMs')} "
             f"(wall, in slices of <= 8 ms); entries filled so far (near the view): {filled}")
        check(f"big: all {total} entries rendered once ready",
              p.eval("document.querySelectorAll('#list article[data-code][data-service]').length") == total)
        ids = [e["service"] + "/" + e["code"] for e in data["entries"]]
        check("big: DOM order is data order",
              p.eval("Array.from(document.querySelectorAll('#list article'), a => a.id)") == ids)

        # 2. key presses once rendered: script time per key press, and the frame after it
        p.eval("(() => { const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input')); q.focus(); })()")
        p.frame()
        rows = []
        for ch in "shared":
            before = p.metrics()
            p.key(ch)
            p.frame()
            after = p.metrics()
            dd = p.ds()
            rows.append((ch, float(dd["filterMs"]), int(dd["shown"]),
                         1000 * (after["ScriptDuration"] - before["ScriptDuration"]),
                         1000 * (after["RecalcStyleDuration"] - before["RecalcStyleDuration"]
                                 + after["LayoutDuration"] - before["LayoutDuration"])))
        for ch, fm, shown, script, layout in rows:
            note(f"big: key {ch!r}: filterMs={fm:.1f} shown={shown} script(all, CDP)={script:.1f} ms style+layout={layout:.1f} ms")
        want = len(matches(data, "q=shared"))
        check(f"big: 'shared' shows {want} (reference)", rows[-1][2] == want, rows[-1])
        worst = max(r[1] for r in rows)
        check(f"big: every key press filtered in < 100 ms of script (worst filterMs {worst:.1f})", worst < 100)
        check("big: hash follows typing", p.eval("location.hash") == "#q=shared")
        for h in ("q=%EF%BC%B1%EF%BC%B0%EF%BC%B3%E8%B6%85%E9%99%90%E9%A2%9D", "service=svc123", "status=5xx&retry=transient", "merge=1"):
            p.eval(f"location.hash = {json.dumps('#' + h)}")
            want = len(matches(data, h))
            check(f"big: #{h} shows {want} (reference)", p.ds().get("shown") == str(want), p.ds().get("shown"))
        p.eval("location.hash = '#merge=1'")
        before = p.metrics()
        p.eval("location.hash = '#q=zzzz-no-match'")
        p.frame()
        after = p.metrics()
        note(f"big: hide all 20,000 at once: filterMs={p.ds()['filterMs']} style+layout="
             f"{1000 * (after['RecalcStyleDuration'] - before['RecalcStyleDuration'] + after['LayoutDuration'] - before['LayoutDuration']):.1f} ms")
        check("big: no match shows the empty notice", p.eval("!document.getElementById('empty').hidden"))

        # 3. a deep anchor on a fresh load stays in view while the rest renders above it
        target = data["entries"][15004]
        tid = target["service"] + "/" + target["code"]
        p.open(url + "#" + tid)
        d = p.ds()
        top0 = p.eval(f"document.getElementById({json.dumps(tid)}).getBoundingClientRect().top")
        p.wait("document.documentElement.dataset.ready === '1'", 60)
        p.frame()
        top1 = p.eval(f"document.getElementById({json.dumps(tid)}).getBoundingClientRect().top")
        note(f"big: load with #{tid}: loadMs={d.get('loadMs')}")
        check(f"big: #{tid} stays in view while 15,000 entries render above it (top {top0:.0f}px -> {top1:.0f}px)",
              0 <= top1 < 300, (top0, top1))
        check("big: deep anchor highlighted and focused", p.eval("document.activeElement.id") == tid)
        p.collect()
        check("big: no network request", not only_local(p, url), only_local(p, url))
        check("big: no console message", not p.console, p.console)
    finally:
        b.close()

    # load timings over fresh browsers: median and best of 5
    loads, filters = [], []
    for _ in range(5):
        b = Browser(["--window-size=1280,900"])
        try:
            p = Page(b)
            p.open(url + "#q=shared")
            d = p.ds()
            loads.append(float(d["loadMs"]))
            filters.append(float(d["filterMs"]))
        finally:
            b.close()
    note(f"big: 5 fresh loads of #q=shared: loadMs median {statistics.median(loads):.1f} best {min(loads):.1f} "
         f"(all {loads}); its filterMs median {statistics.median(filters):.1f} best {min(filters):.1f}")


def main():
    out = sys.argv[1]
    title = sys.argv[2] if len(sys.argv) > 2 else ""
    for name, fn in (("sample", lambda: sample_checks(out)), ("hostile", lambda: hostile_checks(out, title)),
                     ("big", lambda: big_checks(out))):
        try:
            fn()
        except Exception as err:  # a harness failure is a failed check, not a crash
            check(f"{name}: checks ran to the end", False, repr(err))
    print(f"{PASSED} passed, {FAILED} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
