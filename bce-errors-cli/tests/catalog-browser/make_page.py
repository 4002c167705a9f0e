#!/usr/bin/env python3
"""Fills the catalog page template exactly as `bce-errors catalog` must.

    make_page.py DATA.json OUT.html [--title TITLE]
    make_page.py --csp        # print the Content-Security-Policy for page.css/page.js

Reads bce-errors-cli/src/catalog/{page.html,page.css,page.js}, then:

1. serialises DATA.json compactly (UTF-8, no ASCII escaping needed) and escapes, inside
   the JSON text, `<` `>` `&` U+2028 U+2029 as \\u003c \\u003e \\u0026 \\u2028 \\u2029
   (those characters occur only inside JSON strings, where the escape means the same);
2. computes the CSP hashes: base64(sha256(UTF-8 bytes of page.css)) and of page.js,
   exactly the text placed between <style> and </style>, <script> and </script>;
3. HTML-escapes the title (& < > " ');
4. substitutes the five placeholders in ONE pass over the template: text already
   inserted is never scanned again, so a spec containing "{{SCRIPT}}" stays literal.
"""
import base64
import hashlib
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.normpath(os.path.join(HERE, "..", "..", "src", "catalog"))
PLACEHOLDERS = ("CSP", "STYLE", "SCRIPT", "DATA", "TITLE")
PLACEHOLDER_RE = re.compile(r"\{\{(CSP|STYLE|SCRIPT|DATA|TITLE)\}\}")


def read(name):
    with open(os.path.join(CATALOG, name), encoding="utf-8") as f:
        return f.read()


def json_for_script(value):
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(style, script):
    return (
        "default-src 'none'; "
        f"script-src {csp_hash(script)}; "
        f"style-src {csp_hash(style)}; "
        "img-src data:; "
        "base-uri 'none'; "
        "form-action 'none'"
    )


def fill(template, style, script, data, title):
    for name in PLACEHOLDERS:
        count = template.count("{{" + name + "}}")
        if count != 1:
            raise SystemExit(f"template has {{{{{name}}}}} {count} times, wanted once")
    if re.search(r"</style", style, re.I):
        raise SystemExit("page.css must not contain </style")
    if re.search(r"</script|<!--|<script", script, re.I):
        raise SystemExit("page.js must not contain </script, <script or <!--")
    values = {
        # The policy holds only letters, digits, ' ; : - + / = and spaces: it goes into the
        # double-quoted content attribute as is.
        "CSP": csp(style, script),
        "STYLE": style,
        "SCRIPT": script,
        "DATA": json_for_script(data),
        "TITLE": html.escape(title, quote=True),
    }
    return PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], template)


def main(argv):
    args = argv[1:]
    if args == ["--csp"]:
        print(csp(read("page.css"), read("page.js")))
        return
    title = "BCE error codes"
    if "--title" in args:
        i = args.index("--title")
        title = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        raise SystemExit(__doc__)
    src, out = args
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    page = fill(read("page.html"), read("page.css"), read("page.js"), data, title)
    # newline="" : write the bytes as they are (the hashes cover the exact text).
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(page)


if __name__ == "__main__":
    main(sys.argv)
