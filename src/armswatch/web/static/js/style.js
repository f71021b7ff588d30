// Colours and line styles shared by the graph, the legend, the timeline and the claims table.

// Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
export const TYPE_COLORS = {
  TRANSFER: "#D55E00",
  PLEDGE: "#0072B2",
  CONSIDER: "#CC79A7",
  REQUEST: "#E69F00",
  DEAL: "#009E73",
  DENIAL: "#555555",
  SANCTION: "#56B4E9",
};

export const TYPE_LABELS = {
  TRANSFER: "transfer (supplied)",
  PLEDGE: "pledge (promised)",
  CONSIDER: "considering",
  REQUEST: "request (asked for)",
  DEAL: "deal / contract",
  DENIAL: "denial",
  SANCTION: "sanction / embargo",
};

export function typeColor(type) {
  return TYPE_COLORS[type] || "#888888";
}

// Edge width grows with independent sources (stories) but stays readable: 1 story -> 1.5px, 16+ -> 9.5px.
export function edgeWidth(stories) {
  const n = Math.max(1, Number(stories) || 1);
  return 1.5 + 2 * Math.min(4, Math.log2(n));
}
