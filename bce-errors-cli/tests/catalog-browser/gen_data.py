#!/usr/bin/env python3
"""Makes catalog data files (the JSON of SCHEMA.md) for the browser tests.

    gen_data.py sample  OUT.json   # ~40 real rows of specs/{nat,vpc,ai_platform}.toml
    gen_data.py hostile OUT.json   # spec text that tries to run script or break out
    gen_data.py big N   OUT.json   # N synthetic codes (N = 20000 for the timing test)

The sample is built the way the Rust side should build the real catalog: one entry per
(service, code) of each service's expanded table (own rows plus included rows), `spec`
and `line` pointing at the file and line that define the row, `group` shared by the
entries whose meaning is identical across services.
"""
import json
import os
import random
import re
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SPECS = os.path.join(REPO, "specs")

REASONS = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
           412: "Precondition Failed", 413: "Payload Too Large", 429: "Too Many Requests",
           500: "Internal Server Error", 503: "Service Unavailable"}
AI_RETRY = {"1": "transient", "2": "transient", "282000": "transient", "336000": "transient",
            "4": "throttling", "17": "throttling", "18": "throttling"}

ENUMS = {"nat": "NatError", "vpc": "VpcError", "ai_platform": "AiPlatformError"}


def variant_name(code):
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", code) if p]
    out = []
    for p in parts:
        if len(p) > 1 and p.isupper():
            p = p.capitalize()
        out.append(p[:1].upper() + p[1:])
    name = "".join(out)
    return "E" + name if name[:1].isdigit() else name


def rows_with_lines(path):
    """The [[error]] rows of a spec, each with the 1-based line of its [[error]] header."""
    with open(path, "rb") as f:
        raw = f.read()
    doc = tomllib.loads(raw.decode("utf-8"))
    lines = [i + 1 for i, l in enumerate(raw.decode("utf-8").splitlines()) if l.strip() == "[[error]]"]
    rows = doc.get("error", [])
    assert len(rows) == len(lines), path
    return doc, [(dict(r, code=str(r["code"])), line) for r, line in zip(rows, lines)]


def expand(path):
    """Rows of a spec after includes: included rows first, own rows override by code."""
    doc, own = rows_with_lines(path)
    rel = os.path.relpath(path, REPO)
    out = {}
    for inc in doc.get("service", {}).get("include", []):
        for code, row in expand(os.path.normpath(os.path.join(os.path.dirname(path), inc)))[1].items():
            out[code] = row
    for row, line in own:
        out[row["code"]] = (row, rel, line)
    return doc, out


def retry_of(row):
    code, status = row["code"], row.get("status")
    if "retry" in row:
        return row["retry"], "set by hand in the spec" + (f": {row['note']}" if row.get("note") else "")
    if code == "RequestExpired":
        return "clock-skew", "RequestExpired: the request's timestamp is too far from the server clock; fix the clock, re-sign and retry"
    if code in AI_RETRY:
        kind = AI_RETRY[code]
        why = "an internal or temporary error" if kind == "transient" else "a request or QPS limit"
        return kind, f"AI platform code {code} is {why}"
    if status in (500, 502, 503, 504):
        return "transient", f"status {status}: a server-side error that may pass"
    if status == 429:
        return "throttling", "status 429: slow down and retry"
    if status is None:
        return "never", "no HTTP status and no retry rule for this code: the same request fails again"
    return "never", f"status {status}: a client error; the same request fails again"


def sample_body(row, service):
    if service == "ai_platform":
        body = {"error_code": int(row["code"]), "error_msg": row["message"], "log_id": 1587621341327981}
    else:
        body = {"requestId": "5d2c0a4e-3f7b-4b8e-9a51-0c1f2e3d4a5b", "code": row["code"], "message": row["message"]}
    return json.dumps(body, indent=2, ensure_ascii=False)


def sample():
    wanted = {
        "nat": ["NoSuchNat", "RequestVpcIdEmpty", "createOrderError", "subnatEmpty", "LimitExceeded",
                "NatIdInvalid", "DnatRuleConflictException", "AccessDenied", "InternalError",
                "RequestExpired", "SignatureDoesNotMatch", "QualifyNotPass", "MalformedJSON"],
        "vpc": ["LimitExceeded", "NoSuchObject", "ServiceInternalError", "OperationDenied", "CidrConflict",
                "AccessDenied", "InternalError", "RequestExpired", "SignatureDoesNotMatch", "QualifyNotPass",
                "MalformedJSON"],
        "ai_platform": ["1", "2", "3", "4", "6", "13", "14", "15", "17", "18", "19", "100", "110", "111",
                        "282000"],
    }
    services, entries = [], []
    for sid, codes in wanted.items():
        path = os.path.join(SPECS, sid + ".toml")
        doc, rows = expand(path)
        svc = doc["service"]
        enum = ENUMS[sid]
        # The service's page: `[service] url` (the page the spec mirrors; the included
        # global rows are on that page too, so entries need no url of their own).
        services.append({"id": sid, "name": svc["name"], "url": svc.get("url"), "spec": f"specs/{sid}.toml",
                         "source": svc["source"], "updated": str(svc.get("updated")) if svc.get("updated") else None})
        for code in codes:
            row, rel, line = rows[code]
            retry, reason = retry_of(row)
            status = row.get("status")
            entries.append({
                "service": sid, "code": code, "status": status,
                "reason": REASONS.get(status) if status else None,
                "message": row["message"], "description": row.get("description"),
                "description_zh": row.get("description_zh"),
                "retry": retry, "retry_reason": reason,
                "spec": rel, "line": line, "sample": sample_body(row, sid),
                "rust": f"{enum}::{row.get('variant') or variant_name(code)}",
                "note": row.get("note"), "group": None,
            })
    assign_groups(entries)
    return {"schema": 1, "generated": "2025-10-16T08:00:00Z",
            "services": services, "entries": entries}


def assign_groups(entries):
    """Same code, same meaning (status, message, descriptions, retry) in 2+ services."""
    key = lambda e: (e["code"], e["status"], e["message"], e["description"], e["description_zh"], e["retry"])
    seen = {}
    for e in entries:
        seen.setdefault(key(e), []).append(e)
    n = 0
    for members in seen.values():
        if len(members) > 1:
            n += 1
            for e in members:
                e["group"] = f"g{n}"


def hostile():
    img = '<img src=x onerror="document.title=\'pwned\'">'
    script = "<script>document.title='pwned'</script>"
    services = [
        {"id": "evil", "name": "Evil <b>service</b> " + img, "url": "javascript:document.title='pwned'",
         "spec": "specs/evil.toml", "source": script, "updated": None},
        {"id": "evil2", "name": "\"><svg onload=\"document.title='pwned'\">", "url": "https://example.invalid/\"><x",
         "spec": "specs/<evil2>.toml", "source": None, "updated": None},
    ]
    entries = [
        {"service": "evil", "code": "ImgOnerror", "status": 400, "reason": "Bad Request", "message": img,
         "description": '"><img src=x onerror="document.title=\'pwned\'">', "description_zh": "</script><script>document.title='pwned'</script>",
         "retry": "never", "retry_reason": img, "spec": "specs/evil.toml", "line": 1, "sample": script,
         "rust": "EvilError::ImgOnerror", "note": "<!-- <script>", "group": "g1"},
        {"service": "evil", "code": "ScriptTag", "status": 500, "reason": "<i>Internal</i>", "message": script,
         "description": "{{SCRIPT}} {{DATA}} {{STYLE}} {{CSP}} {{TITLE}}", "description_zh": "\u2028\u2029 line separators \u2028",
         "retry": "transient", "retry_reason": "</style><style>body{display:none}</style>", "spec": "specs/evil.toml",
         "line": 9, "sample": "{\"code\":\"</script><script>document.title='pwned'</script>\"}\u2028<!--",
         "rust": None, "note": None, "group": None},
        {"service": "evil", "code": "<svg onload=alert(1)>", "status": None, "reason": None,
         "message": "a code that is markup", "description": None, "description_zh": None,
         "retry": "<b>never</b>", "retry_reason": None, "spec": None, "line": None, "sample": None,
         "rust": None, "note": None, "group": None, "url": "javascript:alert(1)"},
        {"service": "evil2", "code": "ImgOnerror", "status": 400, "reason": "Bad Request", "message": img,
         "description": '"><img src=x onerror="document.title=\'pwned\'">', "description_zh": "</script><script>document.title='pwned'</script>",
         "retry": "never", "retry_reason": img, "spec": "specs/<evil2>.toml", "line": 1, "sample": script,
         "rust": "EvilError::ImgOnerror", "note": "<!-- <script>", "group": "g1"},
        {"service": "evil2", "code": "50%41 done#1?q=x&service=evil", "status": 409, "reason": None,
         "message": "a code with %, #, ?, & and = in it", "description": None, "description_zh": None,
         "retry": "never", "retry_reason": None, "spec": None, "line": None, "sample": None,
         "rust": None, "note": None, "group": None},
        {"service": "evil2", "code": "&lt;AlreadyEscaped&gt;", "status": 404, "reason": "Not Found",
         "message": "&amp; &lt;b&gt; stays as written", "description": "]]> --> <![CDATA[", "description_zh": None,
         "retry": "never", "retry_reason": None, "spec": "specs/<evil2>.toml", "line": 3, "sample": "&amp;",
         "rust": None, "note": None, "group": None},
    ]
    return {"schema": 1, "generated": script, "services": services, "entries": entries}


WORDS = ("instance volume snapshot subnet route table listener certificate bucket object cluster "
         "namespace quota order payment token signature region zone image policy rule gateway "
         "address bandwidth tag user group key").split()
ZH = ["请求参数无效", "资源不存在", "配额已超限", "服务内部错误,请稍后重试", "无权限访问该资源",
      "请求签名不匹配", "ＱＰＳ超限额,请降低请求频率", "订单创建失败", "实例状态不支持该操作"]


def big(count):
    rnd = random.Random(20251016)
    per = 50
    nsvc = (count + per - 1) // per
    services = [{"id": f"svc{i:03d}", "name": f"Service {i:03d} {rnd.choice(WORDS).title()}",
                 "url": f"https://intl.cloud.baidu.com/doc/S{i:03d}/s/error-codes-en",
                 "spec": f"specs/svc{i:03d}.toml", "source": f"Service {i:03d} › API Reference › Error codes",
                 "updated": "2025-10-16"} for i in range(nsvc)]
    shared = []
    for k in range(10):
        w = WORDS[k]
        shared.append((f"Shared{w.title()}Error", 400 + k, f"The shared {w} request is invalid.",
                       f"Every service of the family returns this when the {w} in the request is invalid.",
                       ZH[k % len(ZH)]))
    entries = []
    for s in range(nsvc):
        sid = services[s]["id"]
        family = s // 10
        for j in range(per):
            if len(entries) >= count:
                break
            if j < len(shared):
                code, status, msg, desc, zh = shared[j]
                group = f"f{family}-{j}"
                line = 1 + 6 * j
            else:
                a, b = rnd.choice(WORDS), rnd.choice(WORDS)
                code = f"{a.title()}{b.title()}{['NotFound', 'Invalid', 'Conflict', 'QuotaExceeded', 'Busy'][j % 5]}{s}x{j}"
                status = [404, 400, 409, 413, 503][j % 5]
                msg = f"The specified {a} {b} is not valid for this operation ({s}.{j})."
                desc = f"The {a} {b} named in the request could not be used; check the {rnd.choice(WORDS)} and try again."
                zh = ZH[(s + j) % len(ZH)] if (s + j) % 3 == 0 else None
                group = None
                line = 70 + 6 * j
            retry = "transient" if status >= 500 else "never"
            entries.append({
                "service": sid, "code": code, "status": status, "reason": REASONS.get(status, None),
                "message": msg, "description": desc, "description_zh": zh, "retry": retry,
                "retry_reason": f"status {status}: " + ("a server-side error that may pass" if status >= 500 else "a client error; the same request fails again"),
                "spec": services[s]["spec"], "line": line,
                "sample": json.dumps({"requestId": "5d2c0a4e-3f7b-4b8e-9a51-0c1f2e3d4a5b", "code": code, "message": msg}, indent=2),
                "rust": f"Svc{s:03d}Error::{variant_name(code)}", "note": None, "group": group,
            })
    # A group id must name 2+ entries with the same code; make the last family's
    # leftovers single (group null) if it ended up alone.
    counts = {}
    for e in entries:
        if e["group"]:
            counts[e["group"]] = counts.get(e["group"], 0) + 1
    for e in entries:
        if e["group"] and counts[e["group"]] < 2:
            e["group"] = None
    # As the Rust side may write it: null fields left out, `spec` left out where it is the
    # service's own file.
    for e in entries:
        for k in [k for k, v in e.items() if v is None]:
            del e[k]
        if e["spec"] == services[int(e["service"][3:])]["spec"]:
            del e["spec"]
    return {"schema": 1, "generated": "2025-10-16T08:00:00Z", "services": services, "entries": entries}


def main(argv):
    kind = argv[1] if len(argv) > 1 else ""
    if kind == "sample" and len(argv) == 3:
        data, out = sample(), argv[2]
    elif kind == "hostile" and len(argv) == 3:
        data, out = hostile(), argv[2]
    elif kind == "big" and len(argv) == 4:
        data, out = big(int(argv[2])), argv[3]
    else:
        raise SystemExit(__doc__)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
