// jest globalSetup: turns on the backend's call recorder (dev/backend/callRecorder.ts) for this run.
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async function callCatalogSetup() {
  const file = path.join(os.tmpdir(), `pd-calls-${process.pid}-${Date.now()}.jsonl`);
  fs.writeFileSync(file, "");
  process.env.PD_RECORD_CALLS = file;
};
