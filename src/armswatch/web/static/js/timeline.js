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

export function drawTimeline(container, rows, types, { onWeek } = {}) {
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

  const width = Math.max(240, container.clientWidth || 600);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotW / weeks.length;
  const barW = Math.max(1, Math.min(28, step * 0.8));
  const y = (v) => MARGIN.top + plotH - (v / max) * plotH;

  const chart = svg("svg", {
    width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img",
    "aria-label": `Mentions per week from ${weekLabel(weeks[0])} to ${weekLabel(weeks[weeks.length - 1])}, at most ${max} in a week`,
  });
  chart.appendChild(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0), class: "axis" }));
  for (const tick of [0, Math.ceil(max / 2), max]) {
    chart.appendChild(svg("text", { x: MARGIN.left - 4, y: y(tick) + 3, class: "tick", "text-anchor": "end" }, String(tick)));
  }
  // Label at most ~8 weeks so the labels never overlap.
  const labelEvery = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(plotW / 80))));
  weeks.forEach((week, i) => {
    const x = MARGIN.left + i * step + (step - barW) / 2;
    const group = svg("g", { class: "week", "data-week": week });
    let base = 0;
    for (const type of types) {
      const n = counts.get(week)[type] || 0;
      if (!n) continue;
      group.appendChild(
        svg("rect", { x, y: y(base + n), width: barW, height: Math.max(0.5, y(base) - y(base + n)), fill: typeColor(type), "data-type": type },
          svg("title", {}, `week of ${weekLabel(week)} (${week}): ${n} ${type} mention${n === 1 ? "" : "s"}`)),
      );
      base += n;
    }
    if (onWeek) group.addEventListener("click", () => onWeek(week));
    chart.appendChild(group);
    if (i % labelEvery === 0) {
      chart.appendChild(svg("text", { x: x + barW / 2, y: HEIGHT - 6, class: "tick", "text-anchor": "middle" }, weekLabel(week)));
    }
  });
  container.appendChild(chart);
}
