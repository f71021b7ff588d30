// Wires the page together: filters -> API -> graph, timeline, claims table and evidence panel.

import { ApiError, getJSON } from "./api.js";
import { renderDetail, renderTable, actorName } from "./claims.js";
import { append, clear, el, svg } from "./dom.js";
import { createGraph, drawGraph, drawnEdges, markSelection } from "./graph.js";
import { setEventTypes, typeColor, typeLabel } from "./style.js";
import { drawTimeline, weekMonday } from "./timeline.js";

const PAGE = 50;
const FILTER_KEYS = ["q", "actor", "type", "item", "since", "until", "claimant", "min_sources", "min_confidence"];
const ZERO_DEFAULT = new Set(["min_sources", "min_confidence"]); // filters whose 0 means "no filter"
const EXPORTS = ["csv", "json", "graphml"];
const $ = (id) => document.getElementById(id);

const state = {
  filters: {},
  selection: null, // {kind: "node"|"edge", id, ...}
  offset: 0,
  total: 0,
  openId: null,
  names: {},
  types: [],
  cy: null,
  timeline: [],
  loads: 0,
  generation: 0, // bumped by each filter change; answers to older requests are dropped
};
window.armswatch = { state };

function setBusy(busy) {
  state.loads += busy ? 1 : -1;
  document.body.dataset.state = state.loads > 0 ? "loading" : document.body.dataset.error ? "error" : "ready";
}

function showError(message) {
  const box = $("filter-error");
  box.textContent = message || "";
  box.hidden = !message;
  if (message) document.body.dataset.error = "1";
  else delete document.body.dataset.error;
}

function readForm() {
  const form = $("filters");
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = form.elements[key].value.trim();
    if (value && !(ZERO_DEFAULT.has(key) && Number(value) === 0)) filters[key] = value;
  }
  return filters;
}

function writeForm(filters) {
  const form = $("filters");
  for (const key of FILTER_KEYS) form.elements[key].value = filters[key] ?? (ZERO_DEFAULT.has(key) ? "0" : "");
  showConfidence();
}

function showConfidence() {
  $("f-min-confidence-value").value = Number($("f-min-confidence").value).toFixed(2);
}

function syncUrl() {
  const params = new URLSearchParams(state.filters);
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
}

function selectionParams() {
  const sel = state.selection;
  if (!sel) return {};
  if (sel.kind === "node") return { actor: sel.id };
  return { supplier: sel.source, recipient: sel.target }; // every claim between the pair; the clicked one opens
}

// The current view (filters, search and graph selection) as downloads: what `armswatch export` would write.
function updateExports() {
  for (const fmt of EXPORTS) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...state.filters, ...selectionParams() })) if (v) params.set(k, v);
    params.set("format", fmt);
    $(`export-${fmt}`).href = `/api/export?${params}`;
  }
}

// After a failed request nothing stale stays on screen under the error.
function clearResults() {
  if (state.cy) state.cy.elements().remove();
  $("graph").dataset.nodes = "0";
  $("graph").dataset.edges = "0";
  $("graph-status").textContent = "";
  clear($("timeline"));
  clear($("claims-table").tBodies[0]).appendChild(
    el("tr", {}, el("td", { colspan: 5, class: "muted" }, "No results: fix the filters above.")));
  $("claims-total").textContent = "";
  $("page-info").textContent = "";
  $("page-prev").disabled = true;
  $("page-next").disabled = true;
  const detail = clear($("claim-detail"));
  delete detail.dataset.claimId;
  detail.appendChild(el("h2", { id: "detail-h" }, "Evidence"));
  state.openId = null;
  for (const a of document.querySelectorAll(".exports a")) a.removeAttribute("href");
}

function rangeNote() {
  const { since, until } = state.filters;
  const note = $("range-note");
  clear(note);
  if (!since && !until) {
    note.appendChild(document.createTextNode("Click a week, or drag across weeks, to show only the claims reported then."));
    return;
  }
  const span = since && until ? `${since} to ${until}` : since ? `from ${since}` : `up to ${until}`;
  note.appendChild(el("strong", {}, `Showing ${span}`));
  note.appendChild(document.createTextNode(
    " by mention date: a claim is listed when an article published in the interval reports it; the dates in the table are its mentions in the interval. "));
  note.appendChild(el("button", { type: "button", id: "range-clear", onclick: () => setDates("", "") }, "Clear dates"));
}

function redrawTimeline() {
  drawTimeline($("timeline"), state.timeline || [], state.types, {
    onWeek: selectWeek, onRange: setDates, range: { since: state.filters.since, until: state.filters.until },
  });
}

function fillSelect(select, values, labels = {}) {
  for (const v of values) select.appendChild(el("option", { value: v }, labels[v] || v));
}

function drawLegend(types) {
  const legend = clear($("legend"));
  for (const type of types) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColor(type);
    legend.appendChild(el("span", { class: "key" }, swatch, typeLabel(type)));
  }
  const line = (dash) => svg("svg", { width: 30, height: 8, "aria-hidden": "true" },
    svg("line", { x1: 1, y1: 4, x2: 29, y2: 4, stroke: "#333", "stroke-width": 2, ...(dash ? { "stroke-dasharray": dash } : {}) }));
  legend.appendChild(el("span", { class: "key" }, line(null), "affirmed"));
  legend.appendChild(el("span", { class: "key" }, line("6 4"), "negated (“did not supply”)"));
  legend.appendChild(el("span", { class: "key" }, el("span", { class: "deny-key" }, "✕"), "denied by a party (mark on the claim)"));
  legend.appendChild(el("span", { class: "key" }, line("1.5 3"), "a denial of no drawn claim"));
  legend.appendChild(el("span", { class: "key" }, "thicker = more independent sources"));
  legend.appendChild(el("span", { class: "key" }, "fainter = less likely right (confidence)"));
  const state_ = el("span", { class: "node-key state" });
  const group = el("span", { class: "node-key group" });
  legend.appendChild(el("span", { class: "key" }, state_, "state"));
  legend.appendChild(el("span", { class: "key" }, group, "armed group / organisation"));
}

async function loadGraphAndTimeline() {
  const generation = state.generation;
  // the timeline shows every week for the other filters, the chosen dates as a band: you can see what is left out
  const { since, until, ...context } = state.filters;
  const [graph, timeline] = await Promise.all([getJSON("/api/graph", state.filters), getJSON("/api/timeline", context)]);
  if (generation !== state.generation) return;
  drawGraph(state.cy, graph, state.names);
  markSelection(state.cy, state.selection);
  $("graph").dataset.nodes = String(graph.nodes.length);
  $("graph").dataset.edges = String(graph.edges.length);
  const marks = graph.edges.length - drawnEdges(graph.edges).length;
  const denials = marks ? ` (${marks} denial${marks === 1 ? "" : "s"} drawn as ✕ on the claim denied)` : "";
  $("graph-status").textContent = (graph.truncated
    ? `${graph.nodes.length} actors; the ${graph.edges.length} best-sourced of ${graph.total_edges} claims (narrow the filters to see the rest)`
    : `${graph.nodes.length} actors, ${graph.edges.length} claims`) + denials;
  state.timeline = timeline;
  redrawTimeline();
  rangeNote();
}

async function loadClaims() {
  const generation = state.generation;
  const params = { ...state.filters, ...selectionParams(), limit: PAGE, offset: state.offset };
  const page = await getJSON("/api/claims", params);
  if (generation !== state.generation) return null;
  state.total = page.total;
  renderTable($("claims-table").tBodies[0], page.claims, state.names, { onOpen: openClaim, openId: state.openId });
  $("claims-total").textContent = `(${page.total})`;
  const last = Math.min(page.total, state.offset + page.claims.length);
  $("page-info").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "";
  $("page-prev").disabled = state.offset === 0;
  $("page-next").disabled = last >= page.total;
  updateExports();
  const sel = state.selection;
  $("selection").hidden = !sel;
  if (sel) {
    $("selection-text").textContent = sel.kind === "node"
      ? `Involving ${actorName(state.names, sel.id)}`
      : `Between ${actorName(state.names, sel.source)} → ${actorName(state.names, sel.target)}`;
  }
  return page;
}

async function guarded(work, { clearOnError = false } = {}) {
  setBusy(true);
  try {
    const result = await work();
    showError("");
    return result;
  } catch (error) {
    showError(error instanceof ApiError ? `Cannot show this: ${error.message}` : `Something went wrong: ${error.message}`);
    if (clearOnError) clearResults();
    return null;
  } finally {
    setBusy(false);
  }
}

async function applyFilters() {
  const filters = readForm();
  const same = JSON.stringify(filters) === JSON.stringify(state.filters);
  if (same && state.generation > 0 && !state.selection && !document.body.dataset.error) return;
  state.generation += 1;
  state.filters = filters;
  state.offset = 0;
  state.selection = null;
  syncUrl();
  await guarded(async () => {
    await Promise.all([loadGraphAndTimeline(), loadClaims()]);
  }, { clearOnError: true });
}

async function openClaim(id, row) {
  await guarded(async () => {
    const claim = await getJSON(`/api/claims/${encodeURIComponent(id)}`, { q: state.filters.q });
    if (state.filters.q && claim.mentions) {  // under a search, the sentences that match come first
      const hit = (m) => (m.search && m.search.length ? 0 : 1);
      claim.mentions = claim.mentions.map((m, i) => [m, i]).sort((a, b) => hit(a[0]) - hit(b[0]) || a[1] - b[1]).map(([m]) => m);
    }
    state.openId = id;
    for (const r of document.querySelectorAll("#claims-table tr.open")) r.classList.remove("open");
    if (row) row.classList.add("open");
    renderDetail($("claim-detail"), claim, state.names, { onOpen: (other) => openClaim(other) });
    if (state.cy) {
      state.cy.elements().removeClass("selected-edge");
      state.cy.getElementById(id).addClass("selected-edge");
    }
    $("claim-detail").scrollTop = 0;
    if (!row) $("claim-detail").focus({ preventScroll: true });
    // one column (phones): the evidence is below the table, so bring it up
    if (window.matchMedia("(max-width: 900px)").matches) $("claim-detail").scrollIntoView({ block: "start" });
  });
}

async function select(selection) {
  state.generation += 1;
  state.selection = selection;
  state.offset = 0;
  markSelection(state.cy, selection);
  const page = await guarded(loadClaims);
  if (selection && selection.kind === "edge" && page) {
    // exactly the clicked claim, whether or not it is on the table's first page
    await openClaim(selection.id, document.querySelector(`#claims-table tr[data-claim-id="${CSS.escape(selection.id)}"]`));
  }
}

// Clicking a week's bar narrows the date range to that week (Monday to Sunday).
function selectWeek(week) {
  const monday = weekMonday(week);
  if (!monday) return;
  const sunday = new Date(monday);
  sunday.setUTCDate(sunday.getUTCDate() + 6);
  setDates(monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10));
}

// A brushed range (or "Clear dates") sets both date filters at once and applies them.
function setDates(since, until) {
  $("f-since").value = since || "";
  $("f-until").value = until || "";
  applyFilters();
}

async function init() {
  const initial = Object.fromEntries(new URLSearchParams(location.search));
  const ok = await guarded(async () => {
    const [vocab, actors] = await Promise.all([getJSON("/api/vocabulary"), getJSON("/api/actors")]);
    setEventTypes(vocab.event_types);
    state.types = vocab.types;
    fillSelect($("f-type"), vocab.types);
    fillSelect($("f-item"), vocab.items);
    for (const a of actors) state.names[a.id] = a.name || a.id;
    const sorted = [...actors].sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
    const parties = sorted.filter((a) => a.claims === undefined || a.claims > 0);
    const claimants = sorted.filter((a) => a.claimed === undefined || a.claimed > 0);
    append($("actor-names"), parties.map((a) => el("option", { value: a.name || a.id })));
    fillSelect($("f-claimant"), claimants.map((a) => a.id), state.names);
    drawLegend(vocab.types);
    return true;
  });
  if (!ok) return;
  state.cy = createGraph($("graph"), {
    onEdge: (data) => select({ kind: "edge", id: data.id, source: data.source, target: data.target, type: data.type }),
    onNode: (data) => select({ kind: "node", id: data.id }),
    onBackground: () => state.selection && select(null),
  });
  window.armswatch.cy = state.cy;
  writeForm(initial);

  const form = $("filters");
  form.addEventListener("change", applyFilters);
  $("f-min-confidence").addEventListener("input", showConfidence); // the number follows the slider as it moves
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters();
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    writeForm({});
    applyFilters();
  });
  $("selection-clear").addEventListener("click", () => select(null));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.selection) select(null);
  });
  $("page-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    guarded(loadClaims);
  });
  $("page-next").addEventListener("click", () => {
    state.offset += PAGE;
    guarded(loadClaims);
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      state.cy.resize();
      state.cy.fit(undefined, 30);
      redrawTimeline();
    }, 250);
  });
  await applyFilters();
}

init();
