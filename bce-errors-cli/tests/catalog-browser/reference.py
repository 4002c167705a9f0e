#!/usr/bin/env python3
"""The page's search and filters, re-done in Python, to say how many entries a hash
should show.

    reference.py DATA.json 'q=...&service=...&status=...&retry=...&merge=1'   -> count
"""
import json
import sys
import unicodedata
from urllib.parse import parse_qs


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def matches(data, query):
    p = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    terms = norm(p.get("q", "")).split()
    service, status, retry = p.get("service", ""), p.get("status", ""), p.get("retry", "")
    merge = p.get("merge") == "1"
    seen, out = set(), []
    for e in data["entries"]:
        st = e.get("status") or 0
        if service and e["service"] != service:
            continue
        if retry and e.get("retry", "") != retry:
            continue
        if status:
            if status == "none":
                if st:
                    continue
            elif status.endswith("xx"):
                if not st or st // 100 != int(status[0]):
                    continue
            elif st != int(status):
                continue
        hay = "\n".join(norm(e.get(k) or "") for k in ("code", "message", "description", "description_zh"))
        if not all(t in hay for t in terms):
            continue
        g = e.get("group")
        if merge and g:
            if g in seen:
                continue
            seen.add(g)
        out.append(e)
    return out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    print(len(matches(data, sys.argv[2] if len(sys.argv) > 2 else "")))
