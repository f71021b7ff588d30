// One stored article as armswatch read it, with the evidence sentence that brought the reader here marked:
// /article?id=ARTICLE&start=S&end=E (character offsets into the stored text). Text only, never HTML.

import { ApiError, getJSON } from "./api.js";
import { el, safeHref } from "./dom.js";

const $ = (id) => document.getElementById(id);

// The [from, to) part of the stored text as nodes, with its overlap with [start, end) a <mark id="evidence">.
function marked(text, from, to, start, end) {
  const lo = Math.max(from, start ?? to);
  const hi = Math.min(to, end ?? to);
  if (start === null || lo >= hi) return [text.slice(from, to)];
  return [text.slice(from, lo), el("mark", { class: "hl hl-evidence", id: lo === start ? "evidence" : null }, text.slice(lo, hi)), text.slice(hi, to)];
}

// Paragraphs of the stored text from `from` on (offsets stay those of the whole text).
function renderText(body, text, from, start, end) {
  let at = from;
  for (const para of text.slice(from).split(/\n{2,}/).filter(Boolean)) {
    const at0 = text.indexOf(para, at);
    at = at0 + para.length;
    const p = el("p");
    p.append(...marked(text, at0, at, start, end));
    body.appendChild(p);
  }
}

// Where the body starts: the stored headline paragraph (body_start), or a first paragraph that repeats the title
// (articles stored before body_start was kept), is shown once, as the page's heading.
function headlineEnd(article, text) {
  if (article.body_start > 0) return article.body_start;
  const title = article.title || "";
  const first = text.split(/\n{2,}/, 1)[0];
  return title && first.trim() === title.trim() ? text.indexOf(first) + first.length : 0;
}

async function init() {
  const params = new URLSearchParams(location.search);
  const id = params.get("id") || "";
  const num = (key) => (params.has(key) && /^\d+$/.test(params.get(key)) ? Number(params.get(key)) : null);
  const [start, end] = [num("start"), num("end")];
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
    const text = String(article.text || "");
    const title = article.title || "(untitled article)";
    const lead = headlineEnd(article, text);
    document.title = `${title} · armswatch`;
    $("article-title").replaceChildren(...(lead ? marked(text, 0, text.slice(0, lead).trimEnd().length, start, end) : [title]));
    const href = safeHref(article.url);
    const meta = $("article-meta");
    const bits = [article.site, article.published || "undated", article.author, article.wire && `wire: ${article.wire}`].filter(Boolean);
    meta.append(bits.join(" · "), " · ");
    meta.append(href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, "original") : `source: ${article.url || article.source || "—"}`);
    renderText($("article-body"), text, lead, start, end);
    const mark = $("evidence");
    if (mark) mark.scrollIntoView({ block: "center" });
    document.body.dataset.state = "ready";
  } catch (error) {
    const box = $("article-error");
    box.textContent = error instanceof ApiError ? `Cannot show this article: ${error.message}` : `Something went wrong: ${error.message}`;
    box.hidden = false;
    document.body.dataset.state = "error";
  }
}

init();
