// A stacked bar chart of mentions per week and type, drawn as SVG with createElementNS (no library needed).

import { clear, el, svg } from "./dom.js";
import { typeColor } from "./style.js";

const HEIGHT = 118;
const MARGIN = { top: 8, right: 8, bottom: 20, left: 30 };

// ISO week "2024-W07" (or a date) -> the Date of that week's Monday, UTC; null if it is neither.
export function weekMonday(week) {
  let m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (m) {
    const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
    const monday = new Date(jan4);
    monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + 7 * (Number(m[2]) - 1));
    return monday;
  }
  m = /^\d{4}-\d{2}-\d{2}$/.exec(week);
  return m ? new Date(`${week}T00:00:00Z`) : null;
}

function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7)); // the Thursday decides the year
  const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const n = 1 + Math.round(((d - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(n).padStart(2, "0")}`;
}

const isoDay = (date) => date.toISOString().slice(0, 10);

// Every week from the first to the last, so gaps in time show as gaps (weeks as the API names them).
function fillWeeks(weeks) {
  if (weeks.length < 2) return weeks;
  const dated = weeks.every((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
  const first = weekMonday(weeks[0]);
  const last = weeks[weeks.length - 1];
  if (!first || !weekMonday(last)) return weeks;
  const out = [];
  for (const day = first; out.length < 2000; day.setUTCDate(day.getUTCDate() + 7)) {
    const name = dated ? isoDay(day) : isoWeek(day);
    out.push(name);
    if (name >= last) break;
  }
  return out[out.length - 1] === last ? out : weeks;
}

function weekLabel(week) {
  const monday = weekMonday(week);
  return monday ? isoDay(monday) : week;
}

const MIN_STEP = 18; // px per week: a bar (and its hit area, the whole column) stays easy to hit

function sundayOf(week) {
  const monday = weekMonday(week);
  if (!monday) return null;
  const sunday = new Date(monday);
  sunday.setUTCDate(sunday.getUTCDate() + 6);
  return isoDay(sunday);
}

// Mentions per week; a click on a week, or a drag across weeks (a brush), picks that interval. `range`
// ({since, until}) is shown as a band with the weeks outside it faded, so the context stays visible.
export function drawTimeline(container, rows, types, { onWeek, onRange, range } = {}) {
  clear(container);
  const weeks = fillWeeks([...new Set(rows.map((r) => r.week))].sort());
  if (!weeks.length) {
    container.appendChild(el("p", { class: "muted" }, "No dated mentions for these filters."));
    return;
  }
  const counts = new Map(weeks.map((w) => [w, {}]));
  for (const r of rows) if (counts.has(r.week)) counts.get(r.week)[r.type] = (counts.get(r.week)[r.type] || 0) + Number(r.mentions || 0);
  const totals = weeks.map((w) => Object.values(counts.get(w)).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);

  const available = Math.max(240, container.clientWidth || 600);
  const width = Math.max(available, MARGIN.left + MARGIN.right + weeks.length * MIN_STEP);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotW / weeks.length;
  const barW = Math.max(12, Math.min(36, step * 0.8));
  const y = (v) => MARGIN.top + plotH - (v / max) * plotH;
  const inRange = (week) => {
    if (!range || (!range.since && !range.until)) return true;
    const monday = weekLabel(week);
    const sunday = sundayOf(week) || monday;
    return (!range.since || sunday >= range.since) && (!range.until || monday <= range.until);
  };

  const chart = svg("svg", {
    width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img",
    "aria-label": `Mentions per week from ${weekLabel(weeks[0])} to ${weekLabel(weeks[weeks.length - 1])}, at most ${max} in a week`,
  });
  const picked = weeks.map(inRange);
  if (range && (range.since || range.until) && picked.some(Boolean)) {
    const first = picked.indexOf(true);
    const last = picked.lastIndexOf(true);
    chart.appendChild(svg("rect", { class: "range-band", x: MARGIN.left + first * step, y: MARGIN.top - 4,
      width: (last - first + 1) * step, height: plotH + 8 }));
  }
  chart.appendChild(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0), class: "axis" }));
  for (const tick of [0, Math.ceil(max / 2), max]) {
    chart.appendChild(svg("text", { x: MARGIN.left - 4, y: y(tick) + 3, class: "tick", "text-anchor": "end" }, String(tick)));
  }
  // Label at most one week in ~80 px so the labels never overlap.
  const labelEvery = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(plotW / 80))));
  weeks.forEach((week, i) => {
    const x = MARGIN.left + i * step + (step - barW) / 2;
    const group = svg("g", { class: picked[i] ? "week" : "week outside", "data-week": week, "data-index": i });
    // the whole column is the target, not only the (maybe short) bar
    group.appendChild(svg("rect", { class: "hit", x: MARGIN.left + i * step, y: MARGIN.top, width: step, height: plotH }));
    let base = 0;
    for (const type of types) {
      const n = counts.get(week)[type] || 0;
      if (!n) continue;
      group.appendChild(
        svg("rect", { class: "bar", x, y: y(base + n), width: barW, height: Math.max(0.5, y(base) - y(base + n)), fill: typeColor(type), "data-type": type },
          svg("title", {}, `week of ${weekLabel(week)} (${week}): ${n} ${type} mention${n === 1 ? "" : "s"}`)),
      );
      base += n;
    }
    chart.appendChild(group);
    if (i % labelEvery === 0) {
      chart.appendChild(svg("text", { x: x + barW / 2, y: HEIGHT - 6, class: "tick", "text-anchor": "middle" }, weekLabel(week)));
    }
  });
  const brush = svg("rect", { class: "brush", x: 0, y: MARGIN.top - 4, width: 0, height: plotH + 8, visibility: "hidden" });
  chart.appendChild(brush);
  if (onWeek || onRange) brushable(chart, brush, weeks, step, { onWeek, onRange });
  container.appendChild(chart);
  // when the weeks do not fit, show the chosen interval, else the latest weeks
  const focus = picked.indexOf(true) >= 0 && range && (range.since || range.until) ? picked.indexOf(true) : weeks.length;
  container.scrollLeft = Math.max(0, MARGIN.left + focus * step - container.clientWidth / 2);
}

// Press on a week and release on another: the interval from the first week's Monday to the last one's Sunday.
function brushable(chart, brush, weeks, step, { onWeek, onRange }) {
  let from = null;
  const indexAt = (event) => {
    const box = chart.getBoundingClientRect();
    const i = Math.floor((event.clientX - box.left - MARGIN.left) / step);
    return Math.max(0, Math.min(weeks.length - 1, i));
  };
  const show = (a, b) => {
    const lo = Math.min(a, b);
    brush.setAttribute("x", MARGIN.left + lo * step);
    brush.setAttribute("width", (Math.abs(b - a) + 1) * step);
    brush.setAttribute("visibility", "visible");
  };
  chart.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    from = indexAt(event);
    chart.setPointerCapture(event.pointerId);
    show(from, from);
  });
  chart.addEventListener("pointermove", (event) => {
    if (from !== null) show(from, indexAt(event));
  });
  chart.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const to = indexAt(event);
    const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
    from = null;
    brush.setAttribute("visibility", "hidden");
    if (lo === hi) {
      if (onWeek) onWeek(weeks[lo]);
    } else if (onRange) {
      onRange(weekLabel(weeks[lo]), sundayOf(weeks[hi]));
    }
  });
  chart.addEventListener("pointercancel", () => {
    from = null;
    brush.setAttribute("visibility", "hidden");
  });
}
