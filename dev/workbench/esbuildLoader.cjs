// webpack loader for the bench's page (buildPage.mjs): each TypeScript file compiled on its own,
// as the SPFx build's tsc step compiles src/ to lib/ (ES modules, es2017, JSX as
// React.createElement) before webpack bundles lib/.
const { transformSync } = require("esbuild");

module.exports = function esbuildLoader(source) {
  const { code } = transformSync(source, {
    loader: this.resourcePath.endsWith(".tsx") ? "tsx" : "ts",
    format: "esm",
    target: "es2017",
    jsx: "transform",
    sourcefile: this.resourcePath,
  });
  return code;
};
