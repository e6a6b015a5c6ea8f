import { startTestBackend, TestBackend } from "../helpers/backend";
import { formatLine, parseArgs, runTenantCheck, TenantCheckReport } from "../../dev/scripts/tenantCheck";

// The tenant check (npm run tenant-check) against the local backend, the token replaced by the
// backend's user header (--local-user). Asserts the report's key lines.
describe("tenant check against the local backend", () => {
  let tb: TestBackend;
  let report: TenantCheckReport;
  const line = (key: string) => report.lines.find((l) => l.key === key);

  beforeAll(async () => {
    tb = await startTestBackend();
    const opts = parseArgs(["--site", tb.backend.siteUrl + "/SitePages/Home.aspx", "--local-user", "7", "--scratch"], {});
    if ("error" in opts) throw new Error(opts.error);
    report = await runTenantCheck(opts);
  });
  afterAll(() => tb.stop());

  it("reports the site, its regional settings, rights, setup, tenant default and Graph in Japanese and English", () => {
    expect(report.lines.map(formatLine).join("\n")).toMatch(/サイトに接続できます: .*\n\s+The site is reachable/);
    expect(line("regional")).toMatchObject({ status: "OK" });
    expect(line("regional")!.en).toMatch(/locale 1041 \(Japanese\), time zone 20/);
    expect(line("rights")).toMatchObject({ status: "OK" });
    expect(line("rights")!.en).toMatch(/you may run site setup/);
    expect(line("setup")!.en).toMatch(/Site setup: done/);
    expect(line("plan")!.en).toMatch(/^Setup plan:/);
    expect(line("tenantDefault")!.en).toMatch(/^Tenant default site:/);
    expect(line("graph")).toMatchObject({ status: "OK" });
    expect(line("graphChannels")).toMatchObject({ status: "OK" });
  });

  it("probes the catalog's risky behaviours in a scratch list and deletes it", () => {
    expect(line("folderWithItem")).toMatchObject({ status: "OK" });
    expect(line("folderNoItem")!.en).toMatch(/no list item \(as reported\)/);
    expect(line("batch101")).toMatchObject({ status: "OK" });
    expect(line("unique")).toMatchObject({ status: "OK" });
    expect(line("etag")).toMatchObject({ status: "OK" });
    expect(line("attachment")).toMatchObject({ status: "OK" });
    expect(line("scratchDeleted")).toMatchObject({ status: "OK" });
    expect(report.ok).toBe(true);
    expect([...tb.backend.store.site("/sites/partnership")!.lists.values()].some((l) => /^PDTenantCheck/.test(l.meta.title))).toBe(false);
  });

  it("a member without setup rights is told so; a missing site is NG", async () => {
    const member = await runTenantCheck({ site: tb.backend.siteUrl, localUser: "12" });
    expect(member.lines.find((l) => l.key === "rights")!.en).toMatch(/you may not run site setup/);
    const none = await runTenantCheck({ site: tb.backend.url + "/sites/nosuchsite", localUser: "7" });
    expect(none.ok).toBe(false);
    expect(none.lines[0].en).toMatch(/no such site/);
  });

  it("needs a site and a token (or --local-user)", () => {
    expect(parseArgs([], {})).toHaveProperty("error");
    expect(parseArgs(["--site", "https://x.sharepoint.com/sites/a"], {})).toHaveProperty("error");
    expect(parseArgs(["--site", "https://x.sharepoint.com/sites/a"], { PD_SP_TOKEN: "t" })).toMatchObject({ spToken: "t" });
  });
});
