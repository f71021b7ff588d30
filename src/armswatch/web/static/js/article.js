// One stored article as armswatch read it, with the evidence sentence that brought the reader here marked:
// /article?id=ARTICLE&start=S&end=E (character offsets into the stored text). Text only, never HTML.

import { ApiError, getJSON } from "./api.js";
import { el, safeHref } from "./dom.js";

const $ = (id) => document.getElementById(id);

// Paragraphs of the stored text; the [start, end) range is a <mark id="evidence"> wherever it falls.
function renderText(body, text, start, end) {
  let at = 0;
  for (const para of text.split(/\n{2,}/)) {
    const from = text.indexOf(para, at);
    const to = from + para.length;
    at = to;
    const p = el("p");
    const lo = Math.max(from, start ?? to);
    const hi = Math.min(to, end ?? to);
    if (start !== null && lo < hi) {
      p.append(text.slice(from, lo), el("mark", { class: "hl hl-evidence", id: lo === start ? "evidence" : null }, text.slice(lo, hi)), text.slice(hi, to));
    } else {
      p.append(para);
    }
    body.appendChild(p);
  }
}

async function init() {
  const params = new URLSearchParams(location.search);
  const id = params.get("id") || "";
  const num = (key) => (params.has(key) && /^\d+$/.test(params.get(key)) ? Number(params.get(key)) : null);
  const [start, end] = [num("start"), num("end")];
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
    const title = article.title || "(untitled article)";
    document.title = `${title} · armswatch`;
    $("article-title").textContent = title;
    const href = safeHref(article.url);
    const meta = $("article-meta");
    const bits = [article.site, article.published || "undated", article.author, article.wire && `wire: ${article.wire}`].filter(Boolean);
    meta.append(bits.join(" · "), " · ");
    meta.append(href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, "original") : `source: ${article.url || article.source || "—"}`);
    renderText($("article-body"), String(article.text || ""), start, end);
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
