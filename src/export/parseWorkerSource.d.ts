/** The file-reading worker's script, bundled at build time (gulpfile.js; dev/workbench/build.mjs). */
declare module "pd-parse-worker-source" {
  const source: string;
  export default source;
}
