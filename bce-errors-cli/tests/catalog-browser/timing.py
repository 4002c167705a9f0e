#!/usr/bin/env python3
"""Timings of a catalog page over N fresh headless-Chromium loads (run.sh makes big.html):

    timing.py PAGE.html [N]

For each of "", "#q=shared", "#q=ＱＰＳ超限额": loadMs, parseMs and the load's filterMs
(median, best, worst); then, once the page is ready, one key press at a time ("s" then
"h", the one that hides most entries): filterMs and CDP's ScriptDuration and
RecalcStyle+Layout for it. Also prints the load average, since other work on the
machine inflates every number.
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_checks import Page  # noqa: E402
from cdp import Browser  # noqa: E402


def stats(xs):
    return f"median {statistics.median(xs):6.1f}  best {min(xs):6.1f}  worst {max(xs):6.1f}"


def main():
    page = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    url = "file://" + page
    print(f"{os.path.basename(page)}: {os.path.getsize(page)} bytes; load average {os.getloadavg()}")
    for h in ("", "#q=shared", "#q=%EF%BC%B1%EF%BC%B0%EF%BC%B3%E8%B6%85%E9%99%90%E9%A2%9D"):
        load, parse, filt = [], [], []
        for _ in range(runs):
            b = Browser(["--window-size=1280,900"])
            try:
                p = Page(b)
                p.open(url + h)
                d = p.ds()
                load.append(float(d["loadMs"]))
                parse.append(float(d["parseMs"]))
                filt.append(float(d["filterMs"]))
            finally:
                b.close()
        print(f"load {h or '(no hash)'}: shown {d['shown']}")
        print(f"  loadMs   {stats(load)}")
        print(f"  parseMs  {stats(parse)}")
        print(f"  filterMs {stats(filt)}")
    keys = {"s": [], "h": []}
    for _ in range(runs):
        b = Browser(["--window-size=1280,900"])
        try:
            p = Page(b)
            p.open(url, wait_ready=True)
            p.eval("document.getElementById('q').focus()")
            for ch in "sh":
                before = p.metrics()
                p.key(ch)
                p.frame()
                after = p.metrics()
                keys[ch].append((float(p.ds()["filterMs"]),
                                 1000 * (after["ScriptDuration"] - before["ScriptDuration"]),
                                 1000 * (after["RecalcStyleDuration"] - before["RecalcStyleDuration"]
                                         + after["LayoutDuration"] - before["LayoutDuration"])))
        finally:
            b.close()
    for ch, rows in keys.items():
        print(f"key {ch!r} once ready:")
        print(f"  filterMs           {stats([r[0] for r in rows])}")
        print(f"  script (CDP)       {stats([r[1] for r in rows])}")
        print(f"  style+layout (CDP) {stats([r[2] for r in rows])}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
