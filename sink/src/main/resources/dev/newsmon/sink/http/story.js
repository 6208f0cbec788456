// One story: every outlet that carried it on a small timeline from the first, why it was alerted, and each copy.
"use strict";
const $ = (id) => document.getElementById(id);
const WHERE = {title: "in the title", lead: "in the lead", body: "in the text"};

function offsets(story) {
  const first = Date.parse(story.first_seen);
  const items = [{outlet: story.outlet, title: story.title, url: story.url, alerted: story.first_seen, first: true},
    ...story.copies.map((c) => ({...c, first: false}))];
  return items.map((i) => ({...i, offset: Date.parse(i.alerted) - first}))
    .sort((a, b) => a.offset - b.offset || (b.first - a.first));
}

function timeline(items) {
  const last = Math.max(1, ...items.map((i) => i.offset));
  const pct = (ms) => (items.length === 1 ? 0 : 100 * ms / last).toFixed(2);
  return `<div class="axis"></div>` + items.map((i) =>
      `<span class="dot${i.first ? " first" : ""}" style="left:${pct(i.offset)}%" title="${UI.esc(i.outlet)}"></span>`).join("")
    + `<span class="tick" style="left:0%">first</span>`
    + (items.length > 1 ? `<span class="tick" style="left:100%">+${UI.span(last)}</span>` : "");
}

function outletItem(i) {
  const offset = i.first ? "first" : "+" + UI.span(i.offset);
  const sim = i.similarity != null ? ` <span class="sim">${Math.round(i.similarity * 100)}% alike</span>` : "";
  const name = i.url ? `<a href="${UI.esc(i.url)}" rel="noopener">${UI.esc(i.outlet)}</a>` : UI.esc(i.outlet);
  return `<li class="${i.first ? "first" : ""}" data-outlet="${UI.esc(i.outlet)}">
      <span class="offset">${offset}</span>
      <span>${name}${sim} <span class="quiet-note">· ${UI.time(i.alerted)}</span></span>
      <span class="copy-title">${UI.esc(i.title)}</span>
    </li>`;
}

function relevanceCard(tag, r, matches) {
  const terms = (matches || []).flatMap((m) => m.terms.map((t) => t.term));
  const termList = UI.distinct(terms).map((t) => `<mark>${UI.esc(t)}</mark>`).join("");
  if (!r) {
    return `<div class="rel"><header>${UI.tagChip(tag)}</header>
      ${termList ? `<div class="terms">Matched: ${termList}</div>` : ""}</div>`;
  }
  const evidence = r.evidence.map((e) => `<li><strong>${UI.esc(e.query)}</strong> ${WHERE[e.where] ?? UI.esc(e.where)},
      ${e.mentions} ${e.mentions === 1 ? "mention" : "mentions"}, score ${e.score.toFixed(2)}</li>`).join("");
  return `<div class="rel" data-tag="${UI.esc(tag)}">
      <header>${UI.tagChip(tag, r)}
        <span class="meter" role="img" aria-label="score ${r.score.toFixed(2)} of threshold ${r.threshold.toFixed(2)}">
          <span class="fill" style="width:${Math.min(100, r.score * 100)}%"></span>
          <span class="threshold" style="left:${Math.min(100, r.threshold * 100)}%"></span></span>
        <span class="score">${r.score.toFixed(2)} against a threshold of ${r.threshold.toFixed(2)}</span></header>
      <p class="meta">${UI.esc(r.reason)}</p>
      ${evidence ? `<ul>${evidence}</ul>` : ""}
      ${termList ? `<div class="terms">Matched: ${termList}</div>` : ""}
    </div>`;
}

function render(story) {
  document.title = story.title + " · newsmon";
  const items = offsets(story);
  const outlets = UI.distinct(items.map((i) => i.outlet));
  $("story-tags").innerHTML = story.tags.map((t) => UI.tagChip(t, (story.relevance || {})[t])).join("");
  $("story-title").innerHTML = UI.mark(story.title, UI.ruleSpans(story.matches, "title"));
  $("story-meta").innerHTML = `First seen ${UI.time(story.first_seen)} at ${UI.esc(story.outlet)}; `
    + `carried by ${outlets.length} ${outlets.length === 1 ? "outlet" : "outlets"}`
    + (items.length > 1 ? ` within ${UI.span(items[items.length - 1].offset)}` : "") + ".";
  $("timeline-title").textContent = `Carried by ${outlets.length} ${outlets.length === 1 ? "outlet" : "outlets"}`;
  $("timeline").innerHTML = timeline(items);
  $("outlets").innerHTML = items.map(outletItem).join("");
  const tags = story.tags.length ? story.tags : Object.keys(story.matches || {});
  $("relevance").innerHTML = tags.map((t) => relevanceCard(t, (story.relevance || {})[t], (story.matches || {})[t])).join("")
    || `<p class="note">This alert carries no evidence (it was written before newsmon recorded relevance).</p>`;
  $("story").hidden = false;
}

// The story as shown: it only grows, so an answer slower than a newer event does not replace it.
let current = null;
// "live" once the event stream is open and the story was read after it opened: no update can fall between.
const connection = {open: false, synced: false};

// A story read again as it was is not drawn again: a reader's selection or focus stays where it was.
function show(story) {
  if (current && story.copies.length < current.copies.length) return;
  const same = current && JSON.stringify(story) === JSON.stringify(current);
  current = story;
  if (!same) render(story);
}

function showStatus() {
  const live = connection.open && connection.synced;
  $("status").textContent = live ? "live" : connection.open ? "connecting…" : "reconnecting…";
  $("status").className = "pill " + (live ? "ok" : connection.open ? "" : "down");
}

function showError(message) {
  $("story-message").hidden = false;
  $("story-message").textContent = message;
}

// The id the page was opened with; the story may have another by now, and the server knows both.
const storyId = () => decodeURIComponent(location.pathname.slice("/story/".length));

async function load() {
  const {ok, body} = await UI.getJson("/api/stories/" + encodeURIComponent(storyId()));
  if (!ok) {
    showError(body.error);
    return false;
  }
  show(body);
  return true;
}

// A story that keeps spreading while its page is open: its copies come over the stream of its own events.
function follow() {
  UI.follow({
    url: "/events?story=" + encodeURIComponent(storyId()),
    open() {
      connection.open = true;
      connection.synced = false;
      showStatus();
      // Read after every open: the stream does not replay what came before it or while it was down.
      load().then((found) => { connection.synced = found; showStatus(); })
        .catch((err) => showError("Cannot load the story: " + err));
    },
    broken() {
      connection.open = false;
      showStatus();
    },
    // The stream carries this story's events alone, under any of its ids.
    on: {story: show},
  });
}

setInterval(() => UI.refreshTimes(), 30000);
// Shown at once, whether or not the stream opens.
load().catch((err) => showError("Cannot load the story: " + err));
follow();
