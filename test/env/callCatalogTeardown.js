// jest globalTeardown: fails the run when the product sent a call shape that docs/sharepoint-calls.json
// does not catalog (docs/sharepoint-calls.md, "How completeness is checked").
const fs = require("fs");
const { loadCatalog, readShapes, uncatalogued } = require("./callCatalog");

module.exports = async function callCatalogTeardown() {
  const file = process.env.PD_RECORD_CALLS;
  if (!file) return;
  const shapes = readShapes(file);
  fs.rmSync(file, { force: true });
  const missing = uncatalogued(shapes, loadCatalog());
  if (missing.length === 0) return;
  if (process.env.PD_CALLS_OUT) fs.writeFileSync(process.env.PD_CALLS_OUT, JSON.stringify(shapes, null, 1));
  throw new Error(
    `The product sent ${missing.length} call shape(s) missing from docs/sharepoint-calls.json — look each up ` +
      `(docs/sharepoint-calls.md) and catalog it:\n  ` + missing.join("\n  "),
  );
};
