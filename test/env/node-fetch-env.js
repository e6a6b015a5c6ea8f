// jest-environment-node without Node's own fetch; PnPjs and the Graph client need it.
const { TestEnvironment } = require("jest-environment-node");

class NodeWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const k of ["fetch", "Headers", "Request", "Response", "FormData", "Blob", "AbortController", "AbortSignal", "TextEncoder", "TextDecoder", "structuredClone"]) {
      if (typeof globalThis[k] !== "undefined") this.global[k] = globalThis[k];
    }
  }
}
module.exports = NodeWithFetch;
