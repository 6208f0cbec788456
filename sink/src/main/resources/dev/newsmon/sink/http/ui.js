// What the dashboard and the story page share: escaping, highlighting, times in words, tag chips, the event stream.
"use strict";
const UI = (() => {
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) =>
    ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  // Marks [start, end) spans of a text; overlapping spans keep the first.
  function mark(text, spans) {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    let out = "", at = 0;
    for (const [s, e] of sorted) {
      if (s < at || e > text.length) continue;
      out += esc(text.slice(at, s)) + "<mark>" + esc(text.slice(s, e)) + "</mark>";
      at = e;
    }
    return out + esc(text.slice(at));
  }

  // The spans the rules matched in one field, from the character offsets every alert carries.
  function ruleSpans(matches, field) {
    const spans = [];
    for (const list of Object.values(matches || {})) {
      for (const m of list) for (const t of m.terms) if (t.field === field) spans.push([t.start, t.end]);
    }
    return spans;
  }

  // The words the rules matched in the item's text (which alerts do not carry whole), each once.
  function textTerms(matches) {
    const seen = new Set();
    for (const list of Object.values(matches || {})) {
      for (const m of list) for (const t of m.terms) if (t.field !== "title") seen.add(t.term);
    }
    return [...seen];
  }

  const MINUTE = 60000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

  // A span of time in words: "40 s", "3 min", "2 h 5 min", "3 d".
  function span(ms) {
    ms = Math.abs(ms);
    if (ms < MINUTE) return Math.round(ms / 1000) + " s";
    if (ms < HOUR) return Math.round(ms / MINUTE) + " min";
    if (ms < DAY) {
      const minutes = Math.round(ms / MINUTE), h = Math.floor(minutes / 60), m = minutes % 60;
      return m ? `${h} h ${m} min` : `${h} h`;
    }
    return Math.round(ms / DAY) + " d";
  }

  // "3 min ago" or "in 12 min"; "just now" within ten seconds.
  function relative(t, now = Date.now()) {
    if (!t) return "";
    const d = Date.parse(t) - now;
    if (Math.abs(d) < 10000) return "just now";
    return d < 0 ? span(d) + " ago" : "in " + span(d);
  }

  const exact = (t) => t ? new Date(t).toLocaleString(undefined,
    {year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit"}) : "";

  // A <time> that says "3 min ago" and carries the exact time for a tooltip and for refreshing.
  const time = (t, cls = "ago") => t
    ? `<time class="${cls}" datetime="${esc(t)}" title="${esc(exact(t))}">${esc(relative(t))}</time>` : "—";

  // Every relative time on the page, said again: "3 min ago" becomes "4 min ago" without a reload.
  function refreshTimes(root = document) {
    for (const el of root.querySelectorAll("time.ago")) el.textContent = relative(el.getAttribute("datetime"));
  }

  // A tag with how much the first item is about it (alerts before aboutness carry no relevance: the tag alone).
  function tagChip(tag, r) {
    const score = r ? ` <small>${r.score.toFixed(2)}</small>` : "";
    return `<span class="tag"${r ? ` title="${esc(r.reason)}"` : ""}>${esc(tag)}${score}</span>`;
  }

  const distinct = (xs) => [...new Set(xs)];

  async function getJson(url) {
    const r = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await r.json().catch(() => ({error: `HTTP ${r.status}`}));
    return {ok: r.ok, status: r.status, body};
  }

  // The server's event stream (`url`: all of it, or a story's alone): open() on every (re)connection, broken() when
  // it drops, and on(name, data) for each event. The browser retries a dropped stream itself, but not one answered
  // with an error: that one is opened anew.
  function follow({url = "/events", open, broken, on}) {
    const events = new EventSource(url);
    events.onopen = open;
    events.onerror = () => {
      broken();
      if (events.readyState === EventSource.CLOSED) setTimeout(() => follow({url, open, broken, on}), 5000);
    };
    for (const [name, handle] of Object.entries(on)) events.addEventListener(name, (e) => handle(JSON.parse(e.data)));
  }

  return {esc, mark, ruleSpans, textTerms, span, relative, time, refreshTimes, tagChip, distinct, getJson, follow};
})();
