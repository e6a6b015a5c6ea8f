// The bench's stand-in for the tenant's CDN: SharePoint serves a web part's scripts from the
// Office 365 public CDN or the site's ClientSideAssets, not from the site answering /_api, so the
// bench serves them from a process of its own (another origin: module scripts need CORS), and a
// page's tens of chunk requests do not queue the site's answers behind them.
// Usage: node dev/scripts/cdn.mjs <dir>; prints "CDN: http://127.0.0.1:<port>".
import http from "http";
import fs from "fs";
import path from "path";

const dir = path.resolve(process.argv[2] ?? ".");
const types = { ".js": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8", ".woff": "font/woff", ".json": "application/json" };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url ?? "/", "http://cdn").pathname).replace(/^\/+/, "");
  const file = path.resolve(dir, rel);
  if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { "access-control-allow-origin": "*" });
    res.end("not found");
    return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "access-control-allow-origin": "*", "cache-control": "no-store" });
  fs.createReadStream(file).pipe(res);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`CDN: http://127.0.0.1:${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
