/**
 * Starts the file-reading worker. Its script (parseWorker.ts with exceljs, bundled by esbuild
 * when the web parts are built: gulpfile.js, dev/workbench/build.mjs) arrives as a string in
 * the lazy "parse-worker" chunk and is started from a blob: URL, so it runs whatever origin the
 * web parts' files are served from (a worker script must be same-origin; the tenant's CDN may
 * not be). Null where workers do not exist (tests in Node). If the page's policy refuses the
 * worker, the caller reads the file on the page instead (parseFile.ts).
 */
export async function createParseWorker(): Promise<{ worker: Worker; release: () => void } | null> {
  if (typeof Worker === "undefined" || typeof Blob === "undefined" || typeof URL.createObjectURL !== "function") return null;
  const { default: source } = await import(/* webpackChunkName: "parse-worker" */ "pd-parse-worker-source");
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return { worker: new Worker(url, { name: "pd-parse" }), release: () => URL.revokeObjectURL(url) };
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
}
