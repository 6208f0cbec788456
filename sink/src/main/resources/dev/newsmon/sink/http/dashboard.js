// The newsmon dashboard: the window's stories and every feed's health, live over Server-Sent Events, and search
// over past alerts. No build step.
"use strict";
const stories = new Map();
const feeds = new Map();
const STATES = ["failing", "backing-off", "gone", "moved", "recovered", "ok"];
const STATE_WORDS = {failing: "Failing", "backing-off": "Backing off", gone: "Gone", moved: "Moved",
  recovered: "Recovered", ok: "OK"};
const COLORS = ["#3451d1", "#d1345b", "#23803a", "#b86e00", "#7b3fe4", "#0b7a86"];
const $ = (id) => document.getElementById(id);
const MAX_ARRIVALS = 50;
let tagFilter = "";
let windowMillis = null;
let sort = {key: "state", dir: 1};
let feedOrder = new Map();

function storyItem(s, highlights) {
  const titleSpans = highlights ?? UI.ruleSpans(s.matches, "title");
  const outlets = UI.distinct(s.outlets);
  const reasons = s.tags.map((t) => (s.relevance || {})[t]).filter(Boolean).map((r) => r.reason);
  return `<li class="story${s.live ? " live" : ""}" data-story-id="${UI.esc(s.story_id)}">
      <h3><a href="/story/${encodeURIComponent(s.story_id)}">${UI.mark(s.title, titleSpans)}</a>${s.spreading ? ' <span class="spreading" title="carried by 3 outlets within 6 h of its first item">spreading</span>' : ""}</h3>
      <span class="when">${UI.time(s.latest_seen)}</span>
      <div class="meta"><span><span class="outlet-count">${s.outlets.length} ${s.outlets.length === 1 ? "outlet" : "outlets"}</span>
        · ${UI.esc(outlets.join(", "))}</span>
        ${s.tags.map((t) => UI.tagChip(t, (s.relevance || {})[t])).join("")}
        ${s.url ? `<a class="subtle" href="${UI.esc(s.url)}" rel="noopener">original ↗</a>` : ""}</div>
      ${reasons.length ? `<p class="why">${UI.esc(UI.distinct(reasons).join(" · "))}</p>` : ""}
    </li>`;
}

// A page left open drops the stories that left the window, as the server does (by their latest item).
function expireStories() {
  if (windowMillis === null) return false;
  const cutoff = Date.now() - windowMillis;
  let expired = false;
  for (const [id, s] of stories) if (Date.parse(s.latest_seen) < cutoff) { stories.delete(id); expired = true; }
  return expired;
}

function renderStories() {
  expireStories();
  const all = [...stories.values()];
  const rows = all.filter((s) => !tagFilter || s.tags.includes(tagFilter))
    .sort((a, b) => b.latest_seen.localeCompare(a.latest_seen));
  $("stories").innerHTML = rows.map((s) => storyItem(s)).join("");
  $("count").textContent = rows.length ? `(${rows.length})` : "";
  $("empty").hidden = rows.length > 0;
  const tags = UI.distinct(all.flatMap((s) => s.tags)).sort();
  $("tag-filter").innerHTML = !tags.length ? "" : ["", ...tags].map((t) =>
    `<button type="button" data-tag="${UI.esc(t)}" aria-pressed="${t === tagFilter}">${t ? UI.esc(t) : "all tags"}</button>`).join("");
  const select = $("search-tag");
  for (const t of tags) if (![...select.options].some((o) => o.value === t)) select.add(new Option(t, t));
  $("atom").href = "/feed.atom" + (tagFilter ? "?tag=" + encodeURIComponent(tagFilter) : "");
  chart(tags.filter((t) => !tagFilter || t === tagFilter));
}

// Stories per hour per tag over the last 24 h, one line per tag, in plain SVG.
function chart(tags) {
  const w = 360, h = 140, padX = 26, padY = 16, now = Date.now();
  const counts = new Map(tags.map((t) => [t, new Array(24).fill(0)]));
  for (const s of stories.values()) {
    const hour = 23 - Math.floor((now - Date.parse(s.first_seen)) / 3600000);
    if (hour < 0 || hour > 23) continue;
    for (const t of s.tags) if (counts.has(t)) counts.get(t)[hour]++;
  }
  const max = Math.max(1, ...[...counts.values()].flat());
  const x = (i) => padX + i * (w - 2 * padX) / 23, y = (n) => h - padY - n * (h - 2 * padY) / max;
  let out = `<line x1="${padX}" y1="${h - padY}" x2="${w - padX}" y2="${h - padY}" stroke="#cfd4dc"/>` +
    `<line x1="${padX}" y1="${padY}" x2="${w - padX}" y2="${padY}" stroke="#eef0f4"/>` +
    `<text x="${padX}" y="${h - 2}" font-size="10" fill="#8a93a3">−24 h</text>` +
    `<text x="${w - padX}" y="${h - 2}" font-size="10" fill="#8a93a3" text-anchor="end">now</text>` +
    `<text x="${padX - 6}" y="${padY + 4}" font-size="10" fill="#8a93a3" text-anchor="end">${max}</text>`;
  let legend = "";
  [...counts.entries()].forEach(([t, c], i) => {
    const color = COLORS[i % COLORS.length];
    out += `<polyline fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round" points="${c.map((n, k) => x(k) + "," + y(n)).join(" ")}"/>`;
    legend += `<span><i style="background:${color}"></i>${UI.esc(t)}</span>`;
  });
  $("chart").innerHTML = out;
  $("legend").innerHTML = legend || `<span>No stories yet.</span>`;
}

const FEED_SORTS = {
  outlet: (a, b) => a.outlet.localeCompare(b.outlet, undefined, {sensitivity: "base"}),
  state: (a, b) => STATES.indexOf(a.state) - STATES.indexOf(b.state),
  last_success: (a, b) => (a.last_success ?? "").localeCompare(b.last_success ?? ""),
  next_poll: (a, b) => (a.next_poll ?? "~").localeCompare(b.next_poll ?? "~"),
  items_in_window: (a, b) => a.items_in_window - b.items_in_window,
};

function feedRow(f) {
  const name = UI.esc(f.outlet);
  const problem = f.problem ? UI.esc(f.problem) : `<span class="quiet-note">—</span>`;

  const next = f.state === "gone" ? "not polled" : UI.time(f.next_poll);
  return `<tr class="${f.needs_attention ? "attention-row" : ""}" data-feed-url="${UI.esc(f.feed_url)}" data-state="${f.state}">
      <td data-label="Outlet"><strong>${name}</strong><span class="url">${UI.esc(f.feed_url)}</span></td>
      <td data-label="State"><span class="state ${f.state}">${STATE_WORDS[f.state] ?? UI.esc(f.state)}</span></td>
      <td data-label="Last success">${f.last_success ? UI.time(f.last_success) : "never"}</td>
      <td data-label="Problem" class="problem"${f.detail ? ` title="${UI.esc(f.detail)}"` : ""}>${problem}</td>
      <td data-label="Next poll">${next}</td>
      <td data-label="Items" class="num">${f.items_in_window}</td>
    </tr>`;
}

function renderFeeds() {
  const rows = [...feeds.values()].sort((a, b) =>
    sort.dir * FEED_SORTS[sort.key](a, b) || (feedOrder.get(a.feed_url) ?? 0) - (feedOrder.get(b.feed_url) ?? 0));
  $("feeds").tBodies[0].innerHTML = rows.map(feedRow).join("");
  $("feeds-empty").hidden = rows.length > 0;
  $("feeds").hidden = !rows.length;
  for (const th of $("feeds").tHead.querySelectorAll("th[data-sort]")) {
    if (th.dataset.sort === sort.key) th.setAttribute("aria-sort", sort.dir > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  const needing = rows.filter((f) => f.needs_attention);
  const byState = STATES.map((s) => [s, needing.filter((f) => f.state === s).length]).filter(([, n]) => n);
  $("attention").className = "attention" + (needing.length ? "" : " calm");
  $("attention").textContent = !rows.length ? "" : needing.length
    ? `${needing.length} of ${rows.length} ${rows.length === 1 ? "feed needs" : "feeds need"} attention: `
      + byState.map(([s, n]) => `${n} ${STATE_WORDS[s].toLowerCase()}`).join(", ")
    : `All ${rows.length} feeds are working.`;
  $("attention-badge").hidden = !needing.length;
  $("attention-badge").textContent = needing.length;
}

function setFeeds(list) {
  feeds.clear();
  feedOrder = new Map(list.map((f, i) => [f.feed_url, i]));
  list.forEach((f) => feeds.set(f.feed_url, f));
  renderFeeds();
}

// Search over past alerts, in the database; the URL keeps the query so a reload or a link shows it again.
let searches = 0;
async function search(params) {
  const mine = ++searches;
  const query = new URLSearchParams([...params].filter(([, v]) => v));
  history.replaceState(null, "", query.toString() ? "?" + query : location.pathname);
  if (!query.toString()) { $("results-section").hidden = true; return; }
  $("results-section").hidden = false;
  $("results-title").textContent = "Searching…";
  $("results").innerHTML = "";
  const {ok, body} = await UI.getJson("/api/search?" + query);
  // Answers can come out of order: only the latest search's is shown.
  if (mine !== searches) return;
  const message = $("results-message");
  if (!ok) {
    $("results-title").textContent = "Search";
    message.hidden = false;
    message.textContent = body.error;
    $("results-atom").hidden = true;
    return;
  }
  const words = body.query.text ? `“${body.query.text}”` : "all alerts";
  $("results-title").textContent = `${body.hits.length} ${body.hits.length === 1 ? "story" : "stories"} for ${words}`
    + (body.query.tag ? ` in ${body.query.tag}` : "");
  message.hidden = body.hits.length > 0;
  message.textContent = "Nothing matches. Try fewer words, another spelling, or a wider date range.";
  $("results").innerHTML = body.hits.map((h) => storyItem(h.story, h.title_hits.map((t) => [t.start, t.end]))).join("");
  $("results-atom").hidden = false;
  $("results-atom").href = "/feed.atom?" + query;
}

function formParams() {
  return new URLSearchParams(new FormData($("search")));
}

function restoreSearch() {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) if ($("search").elements[k]) $("search").elements[k].value = v;
  if (params.toString()) search(params);
}

function addArrival(s) {
  const list = $("live");
  // The note of an empty list; an arrival's own outlet count is a quiet note too, and stays.
  list.querySelector(":scope > li.quiet-note")?.remove();
  const li = document.createElement("li");
  li.className = "live-arrival";
  li.dataset.storyId = s.story_id;
  li.innerHTML = `${UI.time(s.latest_seen)}<a href="/story/${encodeURIComponent(s.story_id)}">${UI.esc(s.title)}</a>`
    + ` <span class="quiet-note">(${s.outlets.length} ${s.outlets.length === 1 ? "outlet" : "outlets"})</span>`;
  list.prepend(li);
  while (list.children.length > MAX_ARRIVALS) list.lastElementChild.remove();
}

// "live" once the stream is open and the snapshot is on the page: before that, an empty list means "not loaded yet".
const connection = {open: false, loaded: false, broken: false};
// What the stream brought since it last opened: newer than any snapshot asked for after that, which keeps it.
const nothingYet = () => ({stories: new Set(), aliases: new Set(), feeds: new Set(), feedsRemoved: new Set()});
let sinceOpen = nothingYet();

function showStatus() {
  if (connection.open && connection.loaded) { $("status").textContent = "live"; $("status").className = "pill ok"; }
}

function live() {
  UI.follow({
    open() {
      sinceOpen = nothingYet();
      connection.open = true;
      // The stream does not replay what came while it was down (a restart, a dropped connection): ask again.
      if (connection.broken) {
        connection.broken = false;
        connection.loaded = false;
        load().catch(showLoadError);
      }
      showStatus();
    },
    broken() {
      connection.open = false;
      connection.broken = true;
      $("status").textContent = "reconnecting…"; $("status").className = "pill down";
    },
    on: {
      story(s) {
        s.live = true;
        // A replay's id of a story, or a story joined into this one: shown once, under this story's id.
        (s.aliases || []).forEach((id) => { stories.delete(id); sinceOpen.aliases.add(id); });
        stories.set(s.story_id, s);
        sinceOpen.stories.add(s.story_id);
        addArrival(s);
        renderStories();
        // Flashed once: later renders show it as any other story.
        setTimeout(() => { s.live = false; }, 2500);
      },
      feed(f) {
        feeds.set(f.feed_url, f);
        sinceOpen.feeds.add(f.feed_url);
        sinceOpen.feedsRemoved.delete(f.feed_url);
        renderFeeds();
      },
      "feed-removed"({feed_url: url}) {
        feeds.delete(url);
        sinceOpen.feeds.delete(url);
        sinceOpen.feedsRemoved.add(url);
        renderFeeds();
      },
    },
  });
}

async function load() {
  const [info, s, f] = await Promise.all([UI.getJson("/api/info"), UI.getJson("/api/stories"), UI.getJson("/api/feeds")]);
  for (const el of document.querySelectorAll(".window")) {
    el.textContent = el.closest("h3, footer") ? "last " + info.body.window_label : info.body.window_label;
  }
  windowMillis = info.body.window_seconds * 1000;
  if (!info.body.search) $("q").placeholder = "Search needs the PostgreSQL sink (see docs/sinks.md)";
  const fresh = new Map(s.body.filter((x) => !sinceOpen.aliases.has(x.story_id)).map((x) => [x.story_id, x]));
  sinceOpen.stories.forEach((id) => { if (stories.has(id)) fresh.set(id, stories.get(id)); });
  stories.clear();
  fresh.forEach((x, id) => stories.set(id, x));
  renderStories();
  const listed = f.body.filter((x) => !sinceOpen.feedsRemoved.has(x.feed_url))
    .map((x) => sinceOpen.feeds.has(x.feed_url) ? feeds.get(x.feed_url) : x);
  sinceOpen.feeds.forEach((url) => { if (!listed.some((x) => x.feed_url === url)) listed.push(feeds.get(url)); });
  setFeeds(listed);
  connection.loaded = true;
  showStatus();
}

function showLoadError(err) {
  $("status").textContent = "cannot load: " + err; $("status").className = "pill down";
}

$("tag-filter").addEventListener("click", (e) => {
  const b = e.target.closest("button[data-tag]");
  if (b) { tagFilter = b.dataset.tag; renderStories(); }
});
$("feeds").tHead.addEventListener("click", (e) => {
  const th = e.target.closest("th[data-sort]");
  if (!th) return;
  sort = {key: th.dataset.sort, dir: sort.key === th.dataset.sort ? -sort.dir : 1};
  renderFeeds();
});
$("search").addEventListener("submit", (e) => { e.preventDefault(); search(formParams()); });
$("clear-search").addEventListener("click", () => { $("search").reset(); search(new URLSearchParams()); $("q").focus(); });
setInterval(() => { if (expireStories()) renderStories(); UI.refreshTimes(); }, 30000);
live();
load().then(restoreSearch).catch(showLoadError);
