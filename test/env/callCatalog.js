// The catalog completeness check (docs/sharepoint-calls.md, "How completeness is checked").
// Plain CommonJS: jest's globalSetup/globalTeardown load it without a transform.
const fs = require("fs");
const path = require("path");

const CATALOG = path.join(__dirname, "..", "..", "docs", "sharepoint-calls.json");

function loadCatalog(file = CATALOG) {
  return JSON.parse(fs.readFileSync(file, "utf8")).calls;
}

const keyOf = (s) => `${s.api} ${s.method} ${s.path}${s.query && s.query.length ? " ?" + s.query.join("&") : ""}`;

/** Whether a catalogued shape covers a recorded one: same API, verb and path; its query options among the catalogued ones. */
function covers(catalogued, shape) {
  if (catalogued.api !== shape.api || catalogued.method !== shape.method || catalogued.path !== shape.path) return false;
  const allowed = new Set((catalogued.query || []).map((q) => q.toLowerCase()));
  return (shape.query || []).every((q) => allowed.has(q.toLowerCase()));
}

/** The recorded shapes no catalog entry covers, as readable keys. */
function uncatalogued(shapes, calls) {
  const all = calls.flatMap((e) => e.shapes);
  return shapes.filter((s) => !all.some((c) => covers(c, s))).map(keyOf).sort();
}

function readShapes(file) {
  if (!file || !fs.existsSync(file)) return [];
  const byKey = new Map();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const s = JSON.parse(line);
      byKey.set(keyOf(s), s);
    } catch {
      /* a line cut by a crashed worker */
    }
  }
  return [...byKey.values()];
}

module.exports = { CATALOG, loadCatalog, covers, uncatalogued, readShapes, keyOf };
