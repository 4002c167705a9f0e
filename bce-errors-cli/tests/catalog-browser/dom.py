#!/usr/bin/env python3
"""Summarises a DOM that `chromium --dump-dom` printed, as JSON:

    dom.py DUMP.html

{"title", "root": <data-* of <html>>, "entries": n, "shown": n, "shown_ids": [...],
 "in_list": {tag: count for img/script/svg/iframe/object/embed/style/link/b/i},
 "event_attrs": n (on* attributes anywhere), "style_attrs": n, "hrefs": [non-# hrefs],
 "srcs": [every src= value], "targets": [ids with class is-target]}
"""
import json
import sys
from html.parser import HTMLParser

WATCH = {"img", "script", "svg", "iframe", "object", "embed", "style", "link", "b", "i", "x", "meta", "form"}


class Dump(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = None
        self._in_title = False
        self.root = {}
        self.entries = 0
        self.shown_ids = []
        self.list_depth = 0
        self.depth = 0
        self.in_list = {}
        self.event_attrs = 0
        self.style_attrs = 0
        self.hrefs = []
        self.srcs = []
        self.targets = []
        self.ids = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("meta", "link", "input", "br", "hr", "img"):
            self.depth += 1
        if tag == "html":
            self.root = {k[5:]: v for k, v in attrs if k.startswith("data-")}
        if tag == "title":
            self._in_title = True
            self.title = ""
        for k, v in attrs:
            if k.startswith("on"):
                self.event_attrs += 1
            if k == "style":
                self.style_attrs += 1
            if k == "src":
                self.srcs.append(v)
        if tag == "a" and a.get("href") and not a["href"].startswith("#"):
            self.hrefs.append(a["href"])
        if a.get("id") == "list":
            self.list_depth = self.depth
        elif self.list_depth and tag in WATCH:
            self.in_list[tag] = self.in_list.get(tag, 0) + 1
        if tag == "article" and "data-code" in a and "data-service" in a:
            self.entries += 1
            self.ids.append(a.get("id"))
            if "hidden" not in a:
                self.shown_ids.append(a.get("id"))
            if "is-target" in (a.get("class") or "").split():
                self.targets.append(a.get("id"))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag not in ("meta", "link", "input", "br", "hr", "img"):
            if self.list_depth and self.depth == self.list_depth:
                self.list_depth = 0
            self.depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def summary(text):
    d = Dump()
    d.feed(text)
    return {
        "title": d.title,
        "root": d.root,
        "entries": d.entries,
        "unique_ids": len(set(d.ids)),
        "shown": len(d.shown_ids),
        "shown_ids": d.shown_ids[:50],
        "in_list": d.in_list,
        "event_attrs": d.event_attrs,
        "style_attrs": d.style_attrs,
        "hrefs": sorted(set(d.hrefs)),
        "srcs": d.srcs,
        "targets": d.targets,
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(summary(f.read()), ensure_ascii=False))
