// Jest transformer: TypeScript, TSX and the ESM-only @pnp packages to CommonJS with esbuild,
// and SPFx's AMD loc files (define([], () => strings)) to modules.
const { transformSync } = require("esbuild");

module.exports = {
  process(src, filename) {
    if (/[\\/]loc[\\/][a-z]{2}-[a-z]{2}\.js$/.test(filename)) {
      return { code: `var __r; function define(d, f) { __r = typeof d === "function" ? d() : f(); }\n${src}\nmodule.exports = __r;` };
    }
    const loader = filename.endsWith(".tsx") ? "tsx" : filename.endsWith(".ts") ? "ts" : "js";
    // Dynamic import() becomes require(): jest runs CommonJS without --experimental-vm-modules.
    const r = transformSync(src, { loader, format: "cjs", target: "node20", sourcemap: "inline", sourcefile: filename, jsx: "transform", supported: { "dynamic-import": false } });
    return { code: r.code };
  },
};
