// The supply graph: actors as nodes, claims as directed edges drawn by the vendored Cytoscape.js.
//
// The layout is deterministic: cose starts from positions derived from the actors' ids and runs with a random
// generator seeded by the graph itself, so the same filters give the same picture on every reload. Labels are then
// pushed apart until none overlaps. A denial is not a supply arrow: it is a mark on the claim it answers (a DENIAL
// that answers no drawn claim is a dotted line without arrowhead).

import { edgeWidth, typeColor } from "./style.js";

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 13,
      "font-family": "system-ui, sans-serif",
      color: "#1b1b1b",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": 1,
      "background-color": "#c9d3df",
      "border-width": 1.5,
      "border-color": "#4a5a6a",
      width: "data(size)",
      height: "data(size)",
    },
  },
  { selector: "node.group", style: { shape: "round-diamond", "background-color": "#f1dcb6", "border-color": "#8a5a00" } },
  {
    selector: "edge",
    style: {
      "curve-style": "bezier",
      "control-point-step-size": 34, // claims between the same pair fan out instead of lying on top of each other
      width: "data(width)",
      "line-color": "data(color)",
      "target-arrow-color": "data(color)",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.9,
      opacity: "mapData(conf, 0, 1, 0.3, 1)", // fainter = the extraction model trusts the claim less
    },
  },
  { selector: "edge.negated", style: { "line-style": "dashed", "line-dash-pattern": [7, 5] } },
  {
    // a claim someone denies: a cross in the middle of its own arrow, labelled
    selector: "edge.denied",
    style: {
      "mid-target-arrow-shape": "tee",
      "mid-target-arrow-color": "#a40000",
      "mid-target-arrow-fill": "filled",
      label: "✕ denied",
      "font-size": 10,
      color: "#a40000",
      "text-rotation": "autorotate",
      "text-margin-y": -8,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
    },
  },
  {
    // a denial with no drawn claim to sit on: not an arrow, so it never reads as a supply link
    selector: "edge.denial-line",
    style: {
      "line-style": "dotted",
      "line-color": "#555555",
      "target-arrow-shape": "none",
      "source-arrow-shape": "none",
      "mid-target-arrow-shape": "tee",
      "mid-target-arrow-color": "#a40000",
      label: "denial",
      "font-size": 10,
      color: "#555555",
      "text-rotation": "autorotate",
      "text-margin-y": -8,
      width: 1.5,
    },
  },
  { selector: "node.selected-node", style: { "border-width": 4, "border-color": "#111111" } },
  { selector: "edge.selected-edge", style: { "underlay-color": "#ffd400", "underlay-opacity": 0.7, "underlay-padding": 4, opacity: 1 } },
  { selector: ".faded", style: { opacity: 0.18 } },
];

export function createGraph(container, { onEdge, onNode, onBackground }) {
  const cy = window.cytoscape({
    container,
    style: STYLE,
    elements: [],
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  cy.on("tap", "edge", (event) => onEdge(event.target.data()));
  cy.on("tap", "node", (event) => onNode(event.target.data()));
  cy.on("tap", (event) => {
    if (event.target === cy) onBackground();
  });
  return cy;
}

// FNV-1a: a stable 32-bit number from a string.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// mulberry32: a small seeded generator, so "random" layout steps repeat exactly.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Which drawn claims each DENIAL answers (the claim lists it in `denials`).
export function denialTargets(edges) {
  const answers = new Map();
  for (const e of edges) {
    for (const d of e.denials || []) {
      if (!answers.has(d)) answers.set(d, []);
      answers.get(d).push(e.id);
    }
  }
  return answers;
}

// The edges the page draws: every claim, except a DENIAL drawn as a mark on a claim it answers.
export function drawnEdges(edges) {
  const ids = new Set(edges.map((e) => e.id));
  const answers = denialTargets(edges);
  return edges.filter((e) => !(e.type === "DENIAL" && (answers.get(e.id) || []).some((id) => ids.has(id) && id !== e.id)));
}

export function drawGraph(cy, graph, names) {
  const all = graph.edges || [];
  const shown = drawnEdges(all);
  const degrees = {};
  for (const e of shown) {
    degrees[e.source] = (degrees[e.source] || 0) + 1;
    degrees[e.target] = (degrees[e.target] || 0) + 1;
  }
  const ids = (graph.nodes || []).map((n) => n.id).sort();
  const seed = hash(ids.join("|") + "#" + shown.map((e) => e.id).sort().join("|"));
  const nodes = (graph.nodes || []).map((n) => {
    const degree = degrees[n.id] || 1;
    const angle = (hash(n.id) % 3600) / 3600 * 2 * Math.PI; // the same start for an actor in every view
    const radius = 80 + (hash(`r${n.id}`) % 220);
    return {
      group: "nodes",
      data: { ...n, id: n.id, label: n.name || names[n.id] || n.id, size: Math.min(44, 16 + 5 * Math.sqrt(degree)) },
      position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
      classes: n.kind === "state" || /^[A-Z]{3}$/.test(n.id) ? "state" : "group",
    };
  });
  const known = new Set(nodes.map((n) => n.data.id));
  const edges = shown
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => {
      const denial = e.type === "DENIAL";
      return {
        group: "edges",
        data: { ...e, color: typeColor(e.type), width: edgeWidth(e.stories), conf: e.confidence ?? 1 },
        classes: [
          e.polarity === "negated" ? "negated" : "",
          denial ? "denial-line" : e.denied ? "denied" : "",
          `type-${e.type}`,
        ].join(" ").trim(),
      };
    });
  cy.batch(() => {
    cy.elements().remove();
    cy.add(nodes);
    cy.add(edges);
  });
  const random = Math.random;
  Math.random = seeded(seed); // cose draws random numbers even when not randomising: make them repeat
  try {
    cy.layout({
      name: "cose",
      animate: false,
      randomize: false,
      nodeRepulsion: () => 40000,
      idealEdgeLength: () => 110,
      edgeElasticity: () => 60,
      nodeOverlap: 20,
      gravity: 0.6,
      numIter: 1500,
      padding: 30,
    }).run();
  } finally {
    Math.random = random;
  }
  stretchToContainer(cy);
  separateLabels(cy);
  cy.fit(undefined, 30);
  // A graph of two or three actors would otherwise be blown up to fill the panel.
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
}

// cose packs nodes into a roughly square cloud; a wide panel would leave its sides empty, so spread x to match.
function stretchToContainer(cy) {
  const nodes = cy.nodes();
  if (nodes.length < 3) return;
  const box = nodes.boundingBox({ includeLabels: false });
  const want = cy.width() / Math.max(1, cy.height());
  const have = box.w / Math.max(1, box.h);
  if (!(have > 0) || have >= want) return;
  const factor = Math.min(2.5, want / have);
  const cx = box.x1 + box.w / 2;
  nodes.positions((n) => ({ x: cx + (n.position("x") - cx) * factor, y: n.position("y") }));
}

// Push apart nodes whose boxes (node and label) overlap, in a fixed order, until none does.
export function separateLabels(cy, gap = 4) {
  const nodes = cy.nodes().sort((a, b) => (a.id() < b.id() ? -1 : 1));
  for (let round = 0; round < 60; round += 1) {
    let moved = false;
    const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        const pa = nodes[i].position();
        const pb = nodes[j].position();
        // move along the axis that needs less, each node half the way
        if (dx < dy) {
          const s = (pa.x <= pb.x ? -1 : 1) * (dx / 2 + 0.5);
          nodes[i].position({ x: pa.x + s, y: pa.y });
          nodes[j].position({ x: pb.x - s, y: pb.y });
        } else {
          const s = (pa.y <= pb.y ? -1 : 1) * (dy / 2 + 0.5);
          nodes[i].position({ x: pa.x, y: pa.y + s });
          nodes[j].position({ x: pb.x, y: pb.y - s });
        }
        boxes[i] = nodes[i].boundingBox({ includeLabels: true, includeOverlays: false });
        boxes[j] = nodes[j].boundingBox({ includeLabels: true, includeOverlays: false });
      }
    }
    if (!moved) return;
  }
}

export function markSelection(cy, selection) {
  cy.elements().removeClass("selected-node selected-edge faded");
  if (!selection) return;
  const target = cy.getElementById(selection.id);
  if (!target || target.empty()) return;
  if (selection.kind === "node") {
    target.addClass("selected-node");
    cy.elements().not(target.closedNeighborhood()).addClass("faded");
  } else {
    target.addClass("selected-edge");
  }
}
