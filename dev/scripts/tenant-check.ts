// npm run tenant-check -- --site <url> [--scratch] [--local-user <id>] [--graph-url <url>]
// Tokens come from the environment only: PD_SP_TOKEN (SharePoint), PD_GRAPH_TOKEN (Graph, optional).
// See dev/scripts/tenantCheck.ts and README "Tenant check".
import { formatLine, parseArgs, runTenantCheck } from "./tenantCheck";

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2), process.env);
  if ("error" in opts) {
    process.stderr.write(opts.error + "\n");
    return 2;
  }
  process.stdout.write(`包括連携デスク テナント確認 / Partnership Desk tenant check: ${opts.site}\n`);
  const report = await runTenantCheck(opts);
  for (const l of report.lines) process.stdout.write(formatLine(l) + "\n");
  process.stdout.write(report.ok ? "結果: 問題なし / Result: no problems\n" : "結果: 問題があります / Result: problems found\n");
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exit(1);
  },
);
