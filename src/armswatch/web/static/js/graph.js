// The supply graph: actors as nodes, claims as directed edges drawn by the vendored Cytoscape.js.

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
      "text-background-opacity": 0.75,
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
      "control-point-step-size": 26,
      width: "data(width)",
      "line-color": "data(color)",
      "target-arrow-color": "data(color)",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.9,
      opacity: 0.9,
    },
  },
  { selector: "edge.negated", style: { "line-style": "dashed", "line-dash-pattern": [7, 5], opacity: 0.75 } },
  {
    selector: "edge.denied",
    style: {
      "line-style": "dotted",
      "target-arrow-shape": "triangle-cross",
      label: "denied",
      "font-size": 9,
      color: "#333333",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
    },
  },
  { selector: "edge.negated.denied", style: { "line-style": "dashed" } },
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

export function drawGraph(cy, graph, names) {
  const degrees = {};
  for (const e of graph.edges || []) {
    degrees[e.source] = (degrees[e.source] || 0) + 1;
    degrees[e.target] = (degrees[e.target] || 0) + 1;
  }
  const nodes = (graph.nodes || []).map((n) => {
    const degree = degrees[n.id] || 1;
    return {
      group: "nodes",
      data: {
        ...n,
        id: n.id,
        label: n.name || names[n.id] || n.id,
        size: Math.min(44, 16 + 5 * Math.sqrt(degree)),
      },
      classes: n.kind === "state" || /^[A-Z]{3}$/.test(n.id) ? "state" : "group",
    };
  });
  const known = new Set(nodes.map((n) => n.data.id));
  const edges = (graph.edges || [])
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => ({
      group: "edges",
      data: { ...e, color: typeColor(e.type), width: edgeWidth(e.stories) },
      classes: [e.polarity === "negated" ? "negated" : "", e.denied ? "denied" : "", `type-${e.type}`].join(" ").trim(),
    }));
  cy.batch(() => {
    cy.elements().remove();
    cy.add(nodes);
    cy.add(edges);
  });
  cy.layout({
    name: "cose",
    animate: false,
    randomize: true,
    nodeRepulsion: () => 40000,
    idealEdgeLength: () => 90,
    edgeElasticity: () => 60,
    nodeOverlap: 20,
    gravity: 0.6,
    numIter: 1500,
    padding: 30,
  }).run();
  stretchToContainer(cy);
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
