// Colours and line styles shared by the graph, the legend, the timeline and the claims table.

// Each event type's colour and legend label come from the registry (armswatch/event_types.yaml), served by
// /api/vocabulary as `event_types`; main.js sets them before anything is drawn.
const TYPES = new Map();

export function setEventTypes(eventTypes) {
  TYPES.clear();
  for (const t of eventTypes || []) TYPES.set(t.name, t);
}

export function typeColor(type) {
  const t = TYPES.get(type);
  return (t && t.colour) || "#888888";
}

export function typeLabel(type) {
  const t = TYPES.get(type);
  return (t && t.label) || type;
}

// Edge width grows with independent sources (stories) but stays readable: 1 story -> 1.5px, 16+ -> 9.5px.
export function edgeWidth(stories) {
  const n = Math.max(1, Number(stories) || 1);
  return 1.5 + 2 * Math.min(4, Math.log2(n));
}
