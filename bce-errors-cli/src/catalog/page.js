(function () {
  "use strict";
  var t0 = performance.now();
  var root = document.documentElement;
  var doc = document;

  // Catalogs up to EAGER_LIMIT entries are rendered whole before the page shows. In
  // larger ones every entry gets its (empty) element in slices of at most SLICE_MS after
  // load, in order, and is filled when it comes near the view (IntersectionObserver), so
  // the DOM stays small and hiding thousands of entries stays cheap. Searching, filtering
  // and the counts work on the data from the start. root.dataset.ready is set once every
  // entry has its element and its search text.
  var EAGER_LIMIT = 600;
  var FIRST_SCREENS = 16;
  var SLICE_MS = 8;
  var GROUP_LINKS = 12;
  var RETRY_ORDER = ["transient", "throttling", "clock-skew", "never"];
  var REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
    301: "Moved Permanently", 302: "Found", 304: "Not Modified",
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout",
    409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
    413: "Payload Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
    416: "Range Not Satisfiable", 417: "Expectation Failed", 422: "Unprocessable Content",
    423: "Locked", 424: "Failed Dependency", 428: "Precondition Required",
    429: "Too Many Requests", 431: "Request Header Fields Too Large",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    507: "Insufficient Storage"
  };
  var HASH_KEYS = { q: 1, service: 1, status: 1, retry: 1, merge: 1 };

  // ---- data ---------------------------------------------------------------------------
  var countEl = doc.getElementById("count");
  var data = null;
  try {
    data = JSON.parse(doc.getElementById("data").textContent);
  } catch (err) {
    data = null;
  }
  if (!data || !Array.isArray(data.entries)) {
    countEl.textContent = "The catalog data could not be read.";
    root.dataset.error = "data";
    return;
  }
  var tParsed = performance.now();
  var entries = data.entries;
  var n = entries.length;
  var services = Array.isArray(data.services) ? data.services : [];
  var serviceById = new Map();
  services.forEach(function (s) {
    if (s && typeof s.id === "string" && !serviceById.has(s.id)) serviceById.set(s.id, s);
  });

  function str(v) {
    return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
  }
  // Text made only of these is already in NFKC (each has NFKC_Quick_Check=Yes and
  // combining class 0): ASCII, CJK unified ideographs, the ideographic comma and full
  // stop, the em dash and curly quotes.
  var MAY_CHANGE = /[^\x00-\x7f\u4e00-\u9fff\u3001\u3002\u2014\u2018\u2019\u201c\u201d]/;
  // The form both the query and the text are compared in: NFKC (full-width letters,
  // digits and punctuation become ASCII, half-width kana full-width, ...), lower case.
  function norm(s) {
    return MAY_CHANGE.test(s) ? s.normalize("NFKC").toLowerCase() : s.toLowerCase();
  }
  function serviceName(id) {
    var s = serviceById.get(id);
    return s && s.name ? str(s.name) : id;
  }
  function retryClass(r) {
    return RETRY_ORDER.indexOf(r) >= 0 ? "r-" + r : "r-other";
  }
  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s]/i.test(u) ? u : "";
  }

  // Per entry: the fields the filters read. Nothing here allocates per entry but the
  // group lists, so the first paint does not wait on the garbage collector.
  var svcOf = new Array(n);
  var codeOf = new Array(n);
  var retryOf = new Array(n);
  var statusOf = new Int16Array(n); // 0: no HTTP status
  var groupOf = new Array(n);
  var groups = new Map();
  var svcCount = new Map();
  var statusCount = new Map();
  var retryCount = new Map();
  for (var i = 0; i < n; i++) {
    var e = entries[i];
    var svc = str(e.service);
    var retry = str(e.retry);
    var st = typeof e.status === "number" && e.status >= 100 && e.status <= 999 ? e.status : 0;
    svcOf[i] = svc;
    codeOf[i] = str(e.code);
    retryOf[i] = retry;
    statusOf[i] = st;
    var g = typeof e.group === "string" && e.group ? e.group : null;
    groupOf[i] = g;
    if (g !== null) {
      var members = groups.get(g);
      if (members) members.push(i);
      else groups.set(g, [i]);
    }
    svcCount.set(svc, (svcCount.get(svc) || 0) + 1);
    statusCount.set(st, (statusCount.get(st) || 0) + 1);
    retryCount.set(retry, (retryCount.get(retry) || 0) + 1);
  }
  function idOf(i) {
    return svcOf[i] + "/" + codeOf[i];
  }
  // "#nat/NoSuchNat"; a code with %, # or spaces is percent-encoded, and decoded back.
  function hrefOf(i) {
    return "#" + encodeURIComponent(idOf(i)).replace(/%2F/g, "/");
  }
  var indexById = null;
  function indexOf(id) {
    if (!indexById) {
      indexById = new Map();
      for (var i = n - 1; i >= 0; i--) indexById.set(idOf(i), i);
    }
    var i = indexById.get(id);
    return i === undefined ? -1 : i;
  }

  // Search text. hay[i] is the entry's code, message and descriptions, normalized; they
  // are made in slices after load. Until hay[i] exists the entry is searched in place
  // (matchRaw): a search while loading (errors.html#q=...) allocates nothing, so it
  // does not pay for collecting the garbage JSON.parse left.
  var hay = new Array(n);
  var hayDone = 0; // hay[0..hayDone) all exist
  function hayOf(i) {
    var h = hay[i];
    if (h === undefined) {
      var e = entries[i];
      h = norm(codeOf[i] + "\n" + str(e.message) + "\n" + str(e.description));
      if (e.description_zh) h += "\n" + norm(str(e.description_zh));
      hay[i] = h;
    }
    return h;
  }
  function hayTo(end) {
    for (var i = hayDone; i < end; i++) hayOf(i);
    if (end > hayDone) hayDone = end;
  }
  function hasAll(h, terms) {
    for (var k = 0; k < terms.length; k++) if (h.indexOf(terms[k]) < 0) return false;
    return true;
  }
  // The same test as hasAll(hayOf(i), terms), on the entry's own strings: when none of
  // them may change under NFKC, normalizing is lower-casing, and ASCII letters are all
  // they can differ in (the rest is CJK ideographs and punctuation without case), which
  // a case-insensitive RegExp compares the same way.
  function matchRaw(i, terms, res) {
    var e = entries[i];
    var c = codeOf[i], m = str(e.message), d = str(e.description), z = str(e.description_zh);
    if (MAY_CHANGE.test(c) || MAY_CHANGE.test(m) || MAY_CHANGE.test(d) || MAY_CHANGE.test(z)) {
      return hasAll(hayOf(i), terms);
    }
    for (var k = 0; k < res.length; k++) {
      var r = res[k];
      if (!(r.test(c) || r.test(m) || r.test(d) || r.test(z))) return false;
    }
    return true;
  }
  function regexes(terms) {
    return terms.map(function (t) {
      return new RegExp(t.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"), "i");
    });
  }

  // ---- controls -----------------------------------------------------------------------
  var form = doc.getElementById("filters");
  var qEl = doc.getElementById("q");
  var svcEl = doc.getElementById("service");
  var statusEl = doc.getElementById("status");
  var retryEl = doc.getElementById("retry");
  var mergeEl = doc.getElementById("merge");
  var resetEl = doc.getElementById("reset");
  var listEl = doc.getElementById("list");
  var emptyEl = doc.getElementById("empty");

  function option(select, value, label) {
    var o = doc.createElement("option");
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }
  var listed = new Set();
  services.forEach(function (s) {
    if (!s || !svcCount.has(s.id) || listed.has(s.id)) return;
    listed.add(s.id);
    option(svcEl, s.id, serviceName(s.id) + " (" + svcCount.get(s.id) + ")");
  });
  svcCount.forEach(function (c, id) {
    if (!listed.has(id)) option(svcEl, id, id + " (" + c + ")");
  });
  var statuses = Array.from(statusCount.keys()).filter(function (k) {
    return k !== 0;
  });
  statuses.sort(function (a, b) {
    return a - b;
  });
  var classTotals = new Map();
  statuses.forEach(function (k) {
    var c = Math.floor(k / 100);
    classTotals.set(c, (classTotals.get(c) || 0) + statusCount.get(k));
  });
  classTotals.forEach(function (total, c) {
    option(statusEl, c + "xx", "Any " + c + "xx (" + total + ")");
  });
  var reasonOfStatus = new Map();
  for (var r = 0; r < n && reasonOfStatus.size < statuses.length; r++) {
    if (statusOf[r] && entries[r].reason && !reasonOfStatus.has(statusOf[r])) {
      reasonOfStatus.set(statusOf[r], str(entries[r].reason));
    }
  }
  function reasonOf(i) {
    return str(entries[i].reason) || REASONS[statusOf[i]] || "";
  }
  statuses.forEach(function (k) {
    var why = reasonOfStatus.get(k) || REASONS[k] || "";
    option(statusEl, String(k), k + (why ? " " + why : "") + " (" + statusCount.get(k) + ")");
  });
  if (statusCount.has(0)) option(statusEl, "none", "No HTTP status (" + statusCount.get(0) + ")");
  var retries = Array.from(retryCount.keys());
  retries.sort(function (a, b) {
    var ia = RETRY_ORDER.indexOf(a), ib = RETRY_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  retries.forEach(function (v) {
    option(retryEl, v, (v || "unspecified") + " (" + retryCount.get(v) + ")");
  });
  if (!groups.size) mergeEl.parentNode.hidden = true;

  function hasOption(select, v) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === v) return true;
    return false;
  }

  // ---- rendering ----------------------------------------------------------------------
  var els = new Array(n); // the entry's <article>, once made
  var filled = new Uint8Array(n);
  var shown = new Uint8Array(n).fill(1);
  var made = 0; // els[0..made) all exist
  var early = []; // sorted indexes >= made whose element was made out of order
  var nMade = 0;
  var nFilled = 0;

  var shell = doc.createElement("article");
  shell.className = "entry";
  var lazy = n > EAGER_LIMIT && typeof IntersectionObserver === "function";
  var observer = lazy
    ? new IntersectionObserver(
        function (seen) {
          keepStill(function () {
            for (var k = 0; k < seen.length; k++) {
              if (seen[k].isIntersecting) fill(indexOfEl(seen[k].target));
            }
          });
        },
        { rootMargin: "1500px 0px" }
      )
    : null;
  var elIndex = lazy ? new WeakMap() : null;
  function indexOfEl(a) {
    return elIndex.get(a);
  }
  function shellOf(i) {
    var a = shell.cloneNode(false);
    a.id = idOf(i);
    a.setAttribute("data-code", codeOf[i]);
    a.setAttribute("data-service", svcOf[i]);
    if (!shown[i]) a.hidden = true;
    els[i] = a;
    nMade++;
    if (observer) {
      elIndex.set(a, i);
      observer.observe(a);
    }
    return a;
  }
  // The first element after index i in the list, or null.
  function nextAfter(i) {
    var lo = 0, hi = early.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (early[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo < early.length ? els[early[lo]] : null;
  }
  // Makes elements up to index `end` (exclusive), in order, filling those wanted.
  function makeTo(end, fillThem) {
    while (made < end) {
      while (early.length && early[0] < made) early.shift();
      if (els[made]) {
        made++;
        continue;
      }
      var frag = doc.createDocumentFragment();
      var stop = early.length && early[0] < end ? early[0] : end;
      for (var i = made; i < stop; i++) {
        frag.appendChild(shellOf(i));
        if (fillThem) fill(i);
      }
      listEl.insertBefore(frag, nextAfter(made));
      made = stop;
    }
  }
  // Makes the element of one entry, wherever it is.
  function make(i) {
    if (els[i]) return els[i];
    if (i === made) {
      makeTo(i + 1, false);
      return els[i];
    }
    var a = shellOf(i);
    listEl.insertBefore(a, nextAfter(i));
    var lo = 0, hi = early.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (early[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    early.splice(lo, 0, i);
    return a;
  }

  function el(tag, cls, text) {
    var x = doc.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = text;
    return x;
  }
  function link(href, text) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }
  function metaRow(dl, label, value) {
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value;
    else dd.appendChild(value);
    dl.appendChild(dd);
  }

  // Renders an entry into its element. Text goes in through textContent only.
  function fill(i) {
    if (filled[i]) return;
    var a = els[i] || make(i);
    filled[i] = 1;
    nFilled++;
    if (observer) observer.unobserve(a);
    var e = entries[i];
    var svc = svcOf[i];
    var headId = "h-" + i;
    a.setAttribute("aria-labelledby", headId);

    var head = el("header", "e-head");
    var h = el("h2", "e-code");
    h.id = headId;
    h.appendChild(link(hrefOf(i), codeOf[i]));
    head.appendChild(h);
    var st = statusOf[i];
    var why = reasonOf(i);
    var stEl = el("span", "badge s" + (st ? String(st).charAt(0) : "0"), st ? st + (why ? " " + why : "") : "no HTTP status");
    stEl.title = "HTTP status";
    head.appendChild(stEl);
    head.appendChild(el("span", "badge " + retryClass(retryOf[i]), "retry: " + (retryOf[i] || "unspecified")));
    head.appendChild(el("span", "e-svc", serviceName(svc)));
    a.appendChild(head);

    a.appendChild(el("p", "e-msg", str(e.message)));
    if (e.description) a.appendChild(el("p", "e-desc", str(e.description)));
    if (e.description_zh) {
      var z = el("p", "e-desc", str(e.description_zh));
      z.lang = "zh";
      a.appendChild(z);
    }
    if (e.note) a.appendChild(el("p", "e-note", "Note: " + str(e.note)));

    var dl = el("dl", "e-meta");
    metaRow(dl, "Retry", (retryOf[i] || "unspecified") + (e.retry_reason ? " \u2014 " + str(e.retry_reason) : ""));
    var s = serviceById.get(svc) || {};
    metaRow(dl, "Service", serviceName(svc) + " (" + svc + ")");
    var url = safeUrl(e.url) || safeUrl(s.url);
    var page = str(e.source) || str(s.source) || url;
    if (url) {
      var docs = link(url, page);
      docs.rel = "noopener noreferrer";
      docs.target = "_blank";
      metaRow(dl, "Docs", docs);
    } else if (page) {
      metaRow(dl, "Docs", page);
    }
    var spec = str(e.spec) || str(s.spec);
    if (spec) {
      var line = typeof e.line === "number" ? ":" + e.line : "";
      metaRow(dl, "Spec", el("code", null, spec + line));
    }
    if (e.rust) metaRow(dl, "Rust", el("code", null, str(e.rust)));
    a.appendChild(dl);

    var members = groupOf[i] !== null ? groups.get(groupOf[i]) : null;
    if (members && members.length > 1) {
      var p = el("p", "e-group");
      p.appendChild(doc.createTextNode("Documented identically by " + members.length + " services: "));
      var listedLinks = 0;
      for (var m = 0; m < members.length && listedLinks < GROUP_LINKS; m++, listedLinks++) {
        var j = members[m];
        if (m) p.appendChild(doc.createTextNode(", "));
        if (j === i) p.appendChild(el("strong", null, serviceName(svcOf[j])));
        else p.appendChild(link(hrefOf(j), serviceName(svcOf[j])));
      }
      var more = members.length - listedLinks;
      p.appendChild(doc.createTextNode(more > 0 ? " and " + more + " more." : "."));
      a.appendChild(p);
    }

    if (e.sample) {
      var box = el("div", "e-sample");
      var sh = el("div", "e-sample-head");
      sh.appendChild(el("span", null, "Sample error body"));
      var btn = el("button", "copy", "Copy");
      btn.type = "button";
      btn.setAttribute("aria-label", "Copy the sample body of " + codeOf[i] + " (" + serviceName(svc) + ")");
      sh.appendChild(btn);
      var cs = el("span", "copy-status");
      cs.setAttribute("role", "status");
      sh.appendChild(cs);
      box.appendChild(sh);
      var pre = el("pre");
      pre.appendChild(el("code", null, str(e.sample)));
      box.appendChild(pre);
      a.appendChild(box);
    }
  }

  // Runs change() (elements added or filled above the view) and scrolls so that the
  // entry at the top of the view stays where it was. Browsers with scroll anchoring
  // (overflow-anchor) mostly do this themselves; then `moved` is 0.
  var topBar = doc.querySelector(".top");
  function viewAnchor() {
    if (window.scrollY <= 0) return null;
    var bottom = window.innerHeight;
    if (current >= 0 && els[current] && !els[current].hidden) {
      var r = els[current].getBoundingClientRect();
      if (r.bottom > 0 && r.top < bottom) return els[current];
    }
    var x = listEl.getBoundingClientRect().left + 16;
    for (var y = Math.max(0, topBar.getBoundingClientRect().bottom) + 4; y < bottom; y += 48) {
      var hit = doc.elementFromPoint(x, y);
      var a = hit && hit.closest ? hit.closest("article.entry") : null;
      if (a) return a;
    }
    return null;
  }
  function keepStill(change) {
    var a = viewAnchor();
    var top0 = a ? a.getBoundingClientRect().top : 0;
    change();
    if (a) {
      var moved = a.getBoundingClientRect().top - top0;
      if (moved) window.scrollBy(0, moved);
    }
  }

  // The entry at the top of the view, noted as the reader scrolls, is put back there
  // when the window changes size (a phone turned, a window resized): browsers do not
  // keep it for a change of width.
  var kept = null;
  var keptTop = 0;
  var noting = false;
  function noteView() {
    kept = viewAnchor();
    keptTop = kept ? kept.getBoundingClientRect().top : 0;
  }
  window.addEventListener(
    "scroll",
    function () {
      if (noting) return;
      noting = true;
      requestAnimationFrame(function () {
        noting = false;
        noteView();
      });
    },
    { passive: true }
  );
  window.addEventListener("resize", function () {
    if (!kept || kept.hidden || !kept.isConnected) return;
    if (current >= 0 && kept === els[current]) {
      kept.scrollIntoView({ block: "start" });
    } else {
      var moved = kept.getBoundingClientRect().top - keptTop;
      if (moved) window.scrollBy(0, moved);
    }
  });

  function fillShown(count) {
    for (var i = 0; i < n && count > 0; i++) {
      if (shown[i]) {
        fill(i);
        count--;
      }
    }
  }

  // After load: the search text, then the remaining elements, in slices that leave key
  // presses waiting SLICE_MS at most (input is handled between tasks).
  var working = false;
  var workStart = 0;
  var channel = new MessageChannel();
  var task = null;
  channel.port1.onmessage = function () {
    if (task) task();
  };
  function soon(f) {
    task = f;
    channel.port2.postMessage(0);
  }
  function finished() {
    return made === n && hayDone === n;
  }
  function later() {
    if (working || finished()) return;
    working = true;
    workStart = workStart || performance.now();
    soon(function slice() {
      var end = performance.now() + SLICE_MS;
      while (hayDone < n && performance.now() < end) hayTo(Math.min(n, hayDone + 256));
      if (made < n && performance.now() < end) {
        keepStill(function () {
          while (made < n && performance.now() < end) makeTo(Math.min(n, made + 64), !lazy);
        });
      }
      if (!finished()) {
        soon(slice);
        return;
      }
      working = false;
      root.dataset.ready = "1";
      root.dataset.renderMs = (performance.now() - workStart).toFixed(1);
    });
  }

  // ---- filtering ----------------------------------------------------------------------
  function state() {
    return {
      q: qEl.value,
      service: svcEl.value,
      status: statusEl.value,
      retry: retryEl.value,
      merge: mergeEl.checked
    };
  }
  function setControls(s) {
    qEl.value = s.q || "";
    svcEl.value = s.service && hasOption(svcEl, s.service) ? s.service : "";
    statusEl.value = s.status && hasOption(statusEl, s.status) ? s.status : "";
    retryEl.value = s.retry && hasOption(retryEl, s.retry) ? s.retry : "";
    mergeEl.checked = !!s.merge && !mergeEl.parentNode.hidden;
  }

  var seenGroups = new Set();
  function apply() {
    var t = performance.now();
    var s = state();
    var terms = norm(s.q).split(/\s+/).filter(Boolean);
    var res = terms.length && hayDone < n ? regexes(terms) : null;
    var want = s.status;
    var wantClass = /^[1-9]xx$/.test(want) ? Number(want.charAt(0)) : -1;
    var wantStatus = want === "none" ? 0 : wantClass < 0 && want ? Number(want) : -1;
    var nShown = 0;
    var merged = 0;
    seenGroups.clear();
    for (var i = 0; i < n; i++) {
      var ok = true;
      if (s.service && svcOf[i] !== s.service) ok = false;
      else if (s.retry && retryOf[i] !== s.retry) ok = false;
      else if (wantClass >= 0) ok = statusOf[i] !== 0 && Math.floor(statusOf[i] / 100) === wantClass;
      else if (wantStatus >= 0) ok = statusOf[i] === wantStatus;
      if (ok && terms.length) {
        var h = hay[i];
        ok = h !== undefined ? hasAll(h, terms) : matchRaw(i, terms, res);
      }
      if (ok && s.merge && groupOf[i] !== null) {
        if (seenGroups.has(groupOf[i])) {
          ok = false;
          merged++;
        } else {
          seenGroups.add(groupOf[i]);
        }
      }
      if (ok) nShown++;
      var v = ok ? 1 : 0;
      if (shown[i] !== v) {
        shown[i] = v;
        var a = els[i];
        if (a) a.hidden = !ok;
      }
    }
    fillShown(FIRST_SCREENS);
    emptyEl.hidden = nShown !== 0;
    countEl.textContent =
      nShown + " of " + n + " codes" + (merged ? " (" + merged + " identical entries merged)" : "");
    root.dataset.shown = String(nShown);
    root.dataset.filterMs = (performance.now() - t).toFixed(1);
    later();
    return nShown;
  }

  // ---- location hash ------------------------------------------------------------------
  // "#q=...&service=...&status=...&retry=...&merge=1" is a search; anything else names
  // an entry ("#nat/NoSuchNat").
  function parseHash() {
    var h = location.hash.replace(/^#/, "");
    if (!h) return null;
    var isQuery = h.split("&").every(function (p) {
      var eq = p.indexOf("=");
      return eq > 0 && HASH_KEYS.hasOwnProperty(p.slice(0, eq));
    });
    if (isQuery) {
      var params = new URLSearchParams(h);
      return {
        query: {
          q: params.get("q") || "",
          service: params.get("service") || "",
          status: params.get("status") || "",
          retry: params.get("retry") || "",
          merge: params.get("merge") === "1"
        }
      };
    }
    var target;
    try {
      target = decodeURIComponent(h);
    } catch (err) {
      target = h;
    }
    return { anchor: target };
  }
  function writeHash() {
    var s = state();
    var p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    if (s.service) p.set("service", s.service);
    if (s.status) p.set("status", s.status);
    if (s.retry) p.set("retry", s.retry);
    if (s.merge) p.set("merge", "1");
    var qs = p.toString();
    var base = location.href.split("#")[0];
    try {
      history.replaceState(history.state, "", qs ? base + "#" + qs : base);
    } catch (err) {
      /* a browser that refuses it for file: pages: the search still works */
    }
  }

  var current = -1;
  function goTo(id) {
    var i = indexOf(id);
    if (i < 0) return false;
    if (!shown[i]) {
      setControls({});
      apply();
    }
    // Entries above it that are not made yet are added later; the browser's scroll
    // anchoring keeps it where it is meanwhile.
    fill(i);
    if (current >= 0 && els[current]) els[current].classList.remove("is-target");
    current = i;
    var a = els[i];
    a.classList.add("is-target");
    a.tabIndex = -1;
    a.scrollIntoView({ block: "start" });
    a.focus({ preventScroll: true });
    noteView();
    return true;
  }
  function fromHash() {
    var h = parseHash();
    if (h && h.query) {
      setControls(h.query);
      apply();
    } else if (h && h.anchor) {
      goTo(h.anchor);
    }
  }

  // ---- events -------------------------------------------------------------------------
  function onChange() {
    apply();
    writeHash();
  }
  qEl.addEventListener("input", onChange);
  svcEl.addEventListener("change", onChange);
  statusEl.addEventListener("change", onChange);
  retryEl.addEventListener("change", onChange);
  mergeEl.addEventListener("change", onChange);
  resetEl.addEventListener("click", function (ev) {
    ev.preventDefault();
    setControls({});
    onChange();
    qEl.focus();
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    // Enter in the search box moves to the first result.
    for (var i = 0; i < n; i++) {
      if (shown[i]) {
        fill(i);
        var l = els[i].querySelector(".e-code a");
        if (l) l.focus();
        return;
      }
    }
  });
  qEl.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && qEl.value) {
      ev.preventDefault();
      qEl.value = "";
      onChange();
    }
  });
  doc.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    var t = ev.target;
    var tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    ev.preventDefault();
    qEl.focus();
    qEl.select();
  });
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", function () {
    makeTo(n, true);
    for (var i = 0; i < n; i++) fill(i);
  });

  function fallbackCopy(code, status) {
    var sel = window.getSelection();
    var range = doc.createRange();
    range.selectNodeContents(code);
    sel.removeAllRanges();
    sel.addRange(range);
    var ok = false;
    try {
      ok = doc.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    status.textContent = ok ? "Copied" : "Selected \u2014 press Ctrl+C (\u2318C) to copy";
  }
  listEl.addEventListener("click", function (ev) {
    var btn = ev.target && ev.target.closest ? ev.target.closest("button.copy") : null;
    if (!btn) return;
    var box = btn.closest(".e-sample");
    var code = box.querySelector("pre code");
    var status = box.querySelector(".copy-status");
    status.textContent = "";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.textContent).then(
        function () {
          status.textContent = "Copied";
        },
        function () {
          fallbackCopy(code, status);
        }
      );
    } else {
      fallbackCopy(code, status);
    }
  });

  // ---- start --------------------------------------------------------------------------
  if (doc.title) doc.getElementById("title").textContent = doc.title;
  doc.getElementById("generated").textContent =
    n + " codes from " + svcCount.size + " services, made by bce-errors" +
    (data.generated ? " (" + str(data.generated) + ")" : "") +
    ". Works offline: nothing is fetched." +
    (lazy ? " Entries are drawn as they scroll into view: search with the box above, not the browser\u2019s find." : "");
  root.dataset.total = String(n);
  var h0 = parseHash();
  if (h0 && h0.query) setControls(h0.query);
  if (!lazy) {
    makeTo(n, true);
    hayTo(n);
    root.dataset.ready = "1";
  }
  apply();
  if (h0 && h0.anchor) goTo(h0.anchor);
  root.dataset.parseMs = (tParsed - t0).toFixed(1);
  root.dataset.loadMs = (performance.now() - t0).toFixed(1);
})();
