// The newsmon dashboard: stories of the last 24 h, live over Server-Sent Events, with no build step.
"use strict";
const stories = new Map();
const feeds = new Map();
const COLORS = ["#3563e9", "#e9354f", "#2a9d5b", "#c67c00", "#7b3fe4", "#00838f"];
const $ = (id) => document.getElementById(id);

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

// Marks the matched terms of the headline, from the character offsets every alert carries.
function highlight(title, matches) {
  const spans = [];
  for (const list of Object.values(matches || {})) {
    for (const m of list) for (const t of m.terms) if (t.field === "title") spans.push([t.start, t.end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = "", at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    out += esc(title.slice(at, s)) + "<mark>" + esc(title.slice(s, e)) + "</mark>";
    at = e;
  }
  return out + esc(title.slice(at));
}

// A tag with how much the first item is about it, and why, as the processor decided (alerts before aboutness
// carry no relevance and show the tag alone).
function tagChip(tag, r) {
  if (!r) return `<span class="tag">${esc(tag)}</span>`;
  return `<span class="tag" title="${esc(r.reason)}">${esc(tag)} <small class="relevance">${r.score.toFixed(2)}</small></span>`
    + `<div class="why">${esc(r.reason)}</div>`;
}

function time(t) { return t ? new Date(t).toISOString().slice(5, 16).replace("T", " ") : ""; }

function render() {
  const tag = $("tag").value;
  const rows = [...stories.values()]
    .filter((s) => !tag || s.tags.includes(tag))
    .sort((a, b) => b.latest_seen.localeCompare(a.latest_seen));
  $("stories").tBodies[0].innerHTML = rows.map((s) =>
    `<tr data-story-id="${esc(s.story_id)}" class="${s.live ? "live" : ""}">
       <td><a href="${esc(s.url)}">${highlight(s.title, s.matches)}</a><div class="outlets">${esc([...new Set(s.outlets)].join(", "))}</div></td>
       <td>${s.tags.map((t) => tagChip(t, (s.relevance || {})[t])).join("")}</td>
       <td>${s.outlets.length}</td><td>${time(s.first_seen)}</td><td>${time(s.latest_seen)}</td></tr>`).join("");
  $("count").textContent = `(${rows.length})`;
  const tags = new Set([...stories.values()].flatMap((s) => s.tags));
  const select = $("tag");
  for (const t of tags) if (![...select.options].some((o) => o.value === t)) select.add(new Option(t, t));
  $("atom").href = "/feed.atom" + (tag ? "?tag=" + encodeURIComponent(tag) : "");
  chart([...tags].filter((t) => !tag || t === tag));
}

// Stories per hour per tag over the last 24 h, one polyline per tag, drawn as plain SVG.
function chart(tags) {
  const svg = $("chart"), w = 720, h = 160, pad = 24, now = Date.now();
  const counts = new Map(tags.map((t) => [t, new Array(24).fill(0)]));
  for (const s of stories.values()) {
    const hour = 23 - Math.floor((now - Date.parse(s.first_seen)) / 3600000);
    if (hour < 0 || hour > 23) continue;
    for (const t of s.tags) if (counts.has(t)) counts.get(t)[hour]++;
  }
  const max = Math.max(1, ...[...counts.values()].flat());
  const x = (i) => pad + i * (w - 2 * pad) / 23, y = (n) => h - pad - n * (h - 2 * pad) / max;
  let out = `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#99a"/>` +
    `<text x="${pad}" y="${h - 6}" font-size="10">-24 h</text><text x="${w - pad - 20}" y="${h - 6}" font-size="10">now</text>` +
    `<text x="2" y="${pad}" font-size="10">${max}</text>`;
  let legend = "";
  [...counts.entries()].forEach(([t, c], i) => {
    const color = COLORS[i % COLORS.length];
    out += `<polyline fill="none" stroke="${color}" stroke-width="2" points="${c.map((n, k) => x(k) + "," + y(n)).join(" ")}"/>`;
    legend += `<span style="color:${color}">■ ${esc(t)}</span>`;
  });
  svg.innerHTML = out;
  $("legend").innerHTML = legend;
}

function renderFeeds() {
  const rows = [...feeds.values()];
  const cols = [...new Set(rows.flatMap((f) => Object.keys(f)))];
  $("feeds").tHead.innerHTML = "<tr>" + cols.map((c) => `<th>${esc(c)}</th>`).join("") + "</tr>";
  $("feeds").tBodies[0].innerHTML = rows.map((f) => "<tr>" + cols.map((c) =>
    `<td>${esc(typeof f[c] === "object" && f[c] !== null ? JSON.stringify(f[c]) : f[c])}</td>`).join("") + "</tr>").join("");
}

function feedKey(f) { return f.feed_url || f.url || JSON.stringify(f); }

async function load() {
  const [s, f] = await Promise.all([fetch("/api/stories").then((r) => r.json()), fetch("/api/feeds").then((r) => r.json())]);
  // The event stream opened first; what it already brought is newer than this snapshot.
  s.forEach((x) => { if (!stories.has(x.story_id)) stories.set(x.story_id, x); });
  f.forEach((x) => feeds.set(feedKey(x), x));
  render();
  renderFeeds();
}

function live() {
  const events = new EventSource("/events");
  events.onopen = () => { $("status").textContent = "live"; $("status").className = "ok"; };
  events.onerror = () => { $("status").textContent = "reconnecting…"; $("status").className = "down"; };
  events.addEventListener("story", (e) => {
    const s = JSON.parse(e.data);
    s.live = true;
    // A replay's id of a story, or a story joined into this one: shown once, under this story's id.
    (s.aliases || []).forEach((id) => stories.delete(id));
    stories.set(s.story_id, s);
    // A record of what arrived over the stream, which the browser test reads.
    const li = document.createElement("li");
    li.className = "live-arrival";
    li.dataset.storyId = s.story_id;
    li.textContent = `${time(s.latest_seen)} ${s.title} (${s.outlets.length} ${s.outlets.length === 1 ? "outlet" : "outlets"})`;
    $("live").prepend(li);
    render();
  });
  events.addEventListener("feed", (e) => {
    const f = JSON.parse(e.data);
    feeds.set(feedKey(f), f);
    renderFeeds();
  });
}

$("tag").addEventListener("change", render);
live();
load().catch((err) => { $("status").textContent = "cannot load: " + err; $("status").className = "down"; });
