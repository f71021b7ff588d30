// The claims table (keyboard-usable) and one claim's evidence: sentences, claimant, article and denials.

import { clear, el, safeHref } from "./dom.js";
import { typeColor } from "./style.js";

export function actorName(names, id) {
  if (!id) return "?";
  return names[id] || id;
}

function typeBadge(type, polarity) {
  const badge = el("span", { class: "badge", "data-type": type }, type);
  badge.style.backgroundColor = typeColor(type);
  return polarity === "negated" ? [badge, " ", el("span", { class: "badge negated" }, "negated")] : [badge];
}

// The claim's best matching sentence under a search, with the matched words marked.
function matchNode(c) {
  const m = (c.matches || [])[0];
  if (!m) return null;
  const more = c.hits > 1 ? ` (+${c.hits - 1} more)` : "";
  return el("div", { class: "match" }, markedText("span", m.evidence, [], m.highlights), el("span", { class: "muted" }, more));
}

export function renderTable(tbody, claims, names, { onOpen, openId }) {
  clear(tbody);
  if (!claims.length) {
    tbody.appendChild(el("tr", {}, el("td", { colspan: 5, class: "muted" }, "No claims match these filters.")));
    return;
  }
  for (const c of claims) {
    const who = `${actorName(names, c.supplier)} → ${actorName(names, c.recipient)}`;
    const row = el(
      "tr",
      {
        tabindex: 0,
        class: "claim-row" + (c.id === openId ? " open" : ""),
        "data-claim-id": c.id,
        "aria-label": `${c.type}${c.polarity === "negated" ? " negated" : ""}: ${who}, ${c.item_category || "no item"}, ${c.stories} sources. Press Enter for evidence.`,
      },
      el("td", {}, typeBadge(c.type, c.polarity)),
      el("td", {}, who, c.denials && c.denials.length ? el("span", { class: "flag", title: "denied by a party" }, " ✕ denied") : null, matchNode(c)),
      el("td", {}, c.item_category || "—"),
      el("td", { class: "num" }, String(c.stories ?? 0)),
      el("td", { class: "date", title: c.in_range ? `last seen overall ${c.last_seen || "—"}` : null },
        c.in_range ? c.in_range.last || "—" : c.last_seen || "—"),
    );
    row.addEventListener("click", () => onOpen(c.id, row));
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onOpen(c.id, row);
      } else if (event.key === "ArrowDown" && row.nextElementSibling) {
        event.preventDefault();
        row.nextElementSibling.focus();
      } else if (event.key === "ArrowUp" && row.previousElementSibling) {
        event.preventDefault();
        row.previousElementSibling.focus();
      }
    });
    tbody.appendChild(row);
  }
}

// Text cut at the edges of two span lists (the roles, and the words a search matched, which may overlap them);
// each piece becomes a text node or a <mark> carrying every class that covers it. Never parsed as HTML.
export function markedText(tag, value, roles = [], search = [], attrs = {}) {
  const text = String(value || "");
  const valid = (h) => h && h.start >= 0 && h.end <= text.length && h.start < h.end;
  const spans = [...(roles || []).filter(valid), ...(search || []).filter(valid).map((h) => ({ ...h, kind: "search" }))];
  const cuts = [...new Set([0, text.length, ...spans.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const node = el(tag, attrs);
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const kinds = [...new Set(spans.filter((h) => h.start <= a && h.end >= b).map((h) => h.kind))];
    const piece = text.slice(a, b);
    node.appendChild(kinds.length
      ? el("mark", { class: ["hl", ...kinds.map((k) => `hl-${k}`)].join(" "), title: kinds.join(", ") }, piece)
      : document.createTextNode(piece));
  }
  return node;
}

// Evidence text split at the highlight spans (and a search's matched words); marks, never HTML.
export function evidenceNode(mention) {
  return markedText("blockquote", mention.evidence, mention.highlights, mention.search,
    { class: mention.search && mention.search.length ? "evidence matched" : "evidence" });
}

// The stored article, opened at this sentence.
function articleLink(m) {
  const a = articleOf(m);
  if (!a.id || m.evidence_start === undefined || m.evidence_start === null) return null;
  const params = new URLSearchParams({ id: a.id, start: m.evidence_start, end: m.evidence_end });
  return el("a", { class: "open-article", href: `/article?${params}`, target: "_blank", rel: "noopener" },
    "Read it in the stored article");
}

function articleOf(m) {
  const a = m.article && typeof m.article === "object" ? m.article : {};
  return {
    id: a.id ?? m.article_id,
    title: a.title ?? m.article_title ?? m.title,
    site: a.site ?? m.site,
    url: a.url ?? m.url,
    published: a.published ?? m.published,
  };
}

// Who claims it, in the article's own words when it names them ("U.S. officials", "Reza Kanani-Moghadam, Iranian
// ministry spokesman"), with the actor they speak for when that adds something; "the article's own reporting"
// or "media or unnamed sources" only when the sentence names nobody.
export function claimantLabel(m, names) {
  const words = (m.claimant_text || "").trim();
  const actor = m.claimant && m.claimant !== "author" && m.claimant !== "other" ? actorName(names, m.claimant) : null;
  if (words) {
    const adds = actor && !words.toLowerCase().includes(actor.toLowerCase());
    return adds ? `${words} (${actor})` : words;
  }
  if (actor) return actor;
  return m.claimant === "other" ? "media or unnamed sources" : "the article's own reporting";
}

function claimantNode(m, names) {
  return el("p", { class: "claimant" }, "Claimed by ", el("strong", {}, claimantLabel(m, names)));
}

// What the sentence says beyond the claim's key: the item as written, a negation, the time it refers to.
function detailsNode(m) {
  const bits = [];
  if (m.item_text) bits.push(`item: “${m.item_text}”`);
  if (m.polarity === "negated") bits.push("stated as not happening");
  if (m.time && m.time.text) {
    const range = [m.time.start, m.time.end].filter(Boolean).join(" – ");
    bits.push(`when: “${m.time.text}”${range ? ` (${range})` : ""}`);
  }
  return bits.length ? el("p", { class: "mention-details muted" }, bits.join(" · ")) : null;
}

function sourceNode(m) {
  const a = articleOf(m);
  const title = a.title || "(untitled article)";
  const href = safeHref(a.url);
  const link = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, title) : el("span", { class: "title" }, title);
  const bits = [a.site, a.published].filter(Boolean);
  return el("p", { class: "source" }, link, bits.length ? el("span", { class: "muted" }, ` · ${bits.join(" · ")}`) : null,
    !href && a.url ? el("span", { class: "muted" }, ` (link not shown: ${a.url})`) : null);
}

function claimantsText(c, names) {
  const who = (c.claimants || []).map((x) => (x === "author" ? "the article" : x === "other" ? "media or unnamed sources" : actorName(names, x)));
  return who.length ? who.join(", ") : "an unnamed source";
}

// A claim that answers this one: a DENIAL by the parties, or the same event reported as not having happened.
function denialItem(d, names, onOpen) {
  if (typeof d === "string") return el("li", {}, el("button", { type: "button", class: "link", "data-claim-id": d, onclick: () => onOpen(d) }, `denial ${d}`));
  const sources = `${d.stories ?? "?"} source${d.stories === 1 ? "" : "s"}${d.last_seen ? ` · ${d.last_seen}` : ""}`;
  const label = d.type === "DENIAL"
    ? `Denied by ${(d.actors || []).map((a) => actorName(names, a)).join(", ") || claimantsText(d, names)} · ${sources}`
    : `Reported as not happening (${d.type.toLowerCase()}, negated) by ${claimantsText(d, names)} · ${sources}`;
  return el("li", {}, el("button", { type: "button", class: "link", "data-claim-id": d.id, onclick: () => onOpen(d.id) }, label));
}

function answerItem(c, names, onOpen) {
  const label = `${c.type}${c.polarity === "negated" ? " (negated)" : ""}: ${actorName(names, c.supplier)} → ${actorName(names, c.recipient)}` +
    `${c.item_category ? `, ${c.item_category}` : ""} · ${c.stories ?? "?"} source${c.stories === 1 ? "" : "s"}`;
  return el("li", {}, el("button", { type: "button", class: "link", "data-claim-id": c.id, onclick: () => onOpen(c.id) }, label));
}

export function renderDetail(section, claim, names, { onOpen }) {
  clear(section);
  const who = `${actorName(names, claim.supplier)} → ${actorName(names, claim.recipient)}`;
  section.dataset.claimId = claim.id;
  section.appendChild(el("h2", { id: "detail-h" }, typeBadge(claim.type, claim.polarity), " ", who));
  const facts = [
    ["Item", claim.item_category || "—"],
    ["Sources", `${claim.stories ?? 0} independent (${claim.articles ?? 0} articles)`],
    ["Seen", claim.first_seen || claim.last_seen ? `${claim.first_seen || "?"} – ${claim.last_seen || "?"}` : "no dated article"],
  ];
  if (typeof claim.confidence === "number") {
    facts.push(["Confidence", `${claim.confidence.toFixed(2)} (the extraction model's; 1 = surely right)`]);
  }
  if (claim.type === "DENIAL" && claim.actors && claim.actors.length) {
    facts.push(["Denied by", claim.actors.map((a) => actorName(names, a)).join(", ")]);
  }
  section.appendChild(el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));

  // The store gives the answering claims in full (denied_by); an older shape gives only their ids (denials).
  const denials = claim.denied_by || claim.denials || [];
  if (denials.length) {
    section.appendChild(el("h3", {}, `Denied or contradicted (${denials.length})`));
    section.appendChild(el("ul", { class: "denials" }, denials.map((d) => denialItem(d, names, onOpen))));
  }
  const answers = claim.answers || [];
  if (answers.length) {
    section.appendChild(el("h3", {}, `This answers (${answers.length})`));
    section.appendChild(el("ul", { class: "denials answers" }, answers.map((d) => answerItem(d, names, onOpen))));
  }
  const mentions = claim.mentions || [];
  section.appendChild(el("h3", {}, `Evidence (${mentions.length} sentence${mentions.length === 1 ? "" : "s"})`));
  section.appendChild(
    el("ol", { class: "mentions" }, mentions.map((m) => el("li", { class: "mention", "data-mention-id": m.id },
      evidenceNode(m), claimantNode(m, names), detailsNode(m), sourceNode(m), el("p", { class: "source" }, articleLink(m))))),
  );
  section.appendChild(el("p", { class: "legend-inline muted" },
    "Marked: ", el("mark", { class: "hl hl-trigger" }, "trigger"), " ", el("mark", { class: "hl hl-supplier" }, "supplier"), " ",
    el("mark", { class: "hl hl-recipient" }, "recipient"), " ", el("mark", { class: "hl hl-claimant" }, "claimant"),
    " ", el("mark", { class: "hl hl-search" }, "search")));
}
