import { startTestBackend, TestBackend } from "../helpers/backend";

/** The backend's REST surface on the wire, for what PnPjs alone does not exercise. */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const api = (path: string): string => `${t.backend.siteUrl}/_api/${path}`;
async function get(path: string, accept = "application/json;odata=nometadata", user = "7"): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(api(path), { headers: { accept, "x-pd-user": user } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

test("verbose responses wrap results in d and carry __metadata with the etag", async () => {
  const r = await get("web/getlist('/sites/partnership/Lists/PD_Partners')/items?$select=Id,Title&$top=2", "application/json;odata=verbose");
  const d = r.body.d as { results: Array<{ __metadata: { etag: string; type: string } }>; __next: string };
  expect(d.results).toHaveLength(2);
  expect(d.results[0].__metadata).toMatchObject({ etag: '"1"', type: "SP.Data.PD_x005f_PartnersListItem" });
  expect(new URL(d.__next).searchParams.get("$skiptoken")).toBe("Paged=TRUE&p_ID=2");
});

test("minimal metadata (plain application/json) carries odata.etag", async () => {
  const r = await get("web/getlist('/sites/partnership/Lists/PD_Partners')/items?$select=Id&$top=1", "application/json");
  expect((r.body.value as Array<Record<string, unknown>>)[0]["odata.etag"]).toBe('"1"');
});

test("$skiptoken pages stay in order under $orderby", async () => {
  const seen: string[] = [];
  let url: string | undefined = api("web/getlist('/sites/partnership/Lists/PD_Departments')/items?$select=Id,Title&$orderby=Title desc&$top=5");
  while (url) {
    const r = await fetch(url, { headers: { accept: "application/json;odata=nometadata" } });
    const body = (await r.json()) as { value: Array<{ Title: string }>; "odata.nextLink"?: string };
    seen.push(...body.value.map((v) => v.Title));
    url = body["odata.nextLink"];
  }
  expect(seen).toHaveLength(12);
  expect([...seen].sort().reverse()).toEqual(seen);
});

test("selecting a lookup projection without $expand fails as in SharePoint", async () => {
  const r = await get("web/getlist('/sites/partnership/Lists/PD_Agreements')/items?$select=Id,Partner/Title");
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.body)).toMatch(/\$expand query string must contains Partner/);
});

test("expanded lookups and users project Id/Title", async () => {
  const r = await get("web/getlist('/sites/partnership/Lists/PD_AuditLog')/items?$select=Id,Author/Title,Author/EMail&$expand=Author&$top=1");
  expect((r.body.value as Array<{ Author: { Title: string } }>)[0].Author.Title).toBe("未来 花子");
});

test("an unknown property on write is refused", async () => {
  const r = await fetch(api("web/getlist('/sites/partnership/Lists/PD_Partners')/items"), {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ Title: "x", NoSuchField: 1 }),
  });
  expect(r.status).toBe(400);
  expect(await r.text()).toMatch(/does not exist on type 'SP.Data.PD_x005f_PartnersListItem'/);
});

test("$batch: reads and a changeset of writes, answered in order", async () => {
  const base = t.backend.siteUrl;
  const body = [
    "--batch_1",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "",
    `GET ${base}/_api/web/getlist('/sites/partnership/Lists/PD_Partners')/items?$select=Id&$top=1 HTTP/1.1`,
    "accept: application/json;odata=nometadata",
    "",
    "--batch_1",
    'Content-Type: multipart/mixed; boundary="changeset_a"',
    "",
    "--changeset_a",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "",
    `POST ${base}/_api/web/getlist('/sites/partnership/Lists/PD_PartnershipSettings')/items HTTP/1.1`,
    "accept: application/json;odata=nometadata",
    "content-type: application/json;charset=utf-8",
    "",
    '{"Title":"batchKey","SettingValue":"1"}',
    "",
    "--changeset_a",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "",
    `MERGE ${base}/_api/web/getlist('/sites/partnership/Lists/PD_PartnershipSettings')/items(1) HTTP/1.1`,
    "if-match: \"99\"",
    "content-type: application/json;charset=utf-8",
    "",
    '{"SettingValue":"4"}',
    "",
    "--changeset_a--",
    "",
    "--batch_1--",
    "",
  ].join("\n");
  const r = await fetch(`${base}/_api/$batch`, { method: "POST", headers: { "content-type": "multipart/mixed; boundary=batch_1" }, body });
  const text = await r.text();
  const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d+)/gm)].map((m) => Number(m[1]));
  expect(statuses).toEqual([200, 201, 412]);
  expect(text.endsWith("--\r\n")).toBe(true);
});

test("contextinfo gives a form digest", async () => {
  const r = await fetch(api("contextinfo"), { method: "POST", headers: { accept: "application/json" } });
  const body = (await r.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
  expect(body.FormDigestValue).toMatch(/^0x/);
  expect(body.FormDigestTimeoutSeconds).toBe(1800);
});

test("site groups list department groups and their members", async () => {
  const groups = await get("web/sitegroups");
  const titles = (groups.body.value as Array<{ Title: string }>).map((g) => g.Title);
  expect(titles).toEqual(expect.arrayContaining(["Partnership Desk Coordinators", "Partnership Desk Dept kodomo-kosodate"]));
  const users = await get("web/sitegroups/getbyname('Partnership Desk Dept kodomo-kosodate')/users");
  expect((users.body.value as Array<{ Title: string }>).map((u) => u.Title)).toEqual(["子育 太郎", "兼務 四郎"]);
});

test("every seeded Teams channel has well-formed Graph ids", async () => {
  const r = await get("web/getlist('/sites/partnership/Lists/PD_Departments')/items?$select=TeamId,ChannelId&$top=100");
  const rows = (r.body.value as Array<{ TeamId: string | null; ChannelId: string | null }>).filter((d) => d.TeamId);
  expect(rows.length).toBeGreaterThan(5);
  for (const d of rows) {
    expect(d.TeamId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(d.ChannelId).toMatch(/^19:[0-9a-f]+@thread\.tacv2$/);
  }
});

test("a query joining more than 12 lookup or person columns is refused, as SharePoint Online's list view lookup threshold does; the product's widest read stays within it", async () => {
  const post = (path: string, body: unknown) => fetch(api(path), { method: "POST", headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", "x-pd-user": "7" }, body: JSON.stringify(body) });
  const created = (await (await post("web/lists", { Title: "LookupWide", BaseTemplate: 100 })).json()) as { Id: string };
  const departments = (await get("web/getlist('/sites/partnership/Lists/PD_Departments')?$select=Id")).body as { Id: string };
  const names = Array.from({ length: 11 }, (_, i) => `L${i + 1}`);
  for (const n of names) expect((await post(`web/lists(guid'${created.Id}')/fields/createfieldasxml`, { parameters: { SchemaXml: `<Field Type="Lookup" Name="${n}" DisplayName="${n}" List="{${departments.Id}}" ShowField="Title" />` } })).status).toBe(201);
  const query = (joins: string[]) => get(`web/lists(guid'${created.Id}')/items?$select=Id,${joins.map((j) => `${j}/Id`).join(",")}&$expand=${joins.join(",")}`);
  // 12 joins (Author, Editor and 10 lookups): answered.
  expect((await query(["Author", "Editor", ...names.slice(0, 10)])).status).toBe(200);
  // 13: refused with SharePoint's message (sp-dev-docs#4660, pnp/pnpjs#2721).
  const refused = await query(["Author", "Editor", ...names]);
  expect(refused.status).toBe(500);
  expect(JSON.stringify(refused.body)).toContain("exceeds the lookup column threshold");
  // The product's folder lists read every lookup of a row plus Author and Editor (who wrote and who last changed it).
  const { allLists } = await import("../../src/data/schema/listSchema");
  for (const def of allLists) {
    const joins = Object.values(def.fields as Record<string, { kind: string }>).filter((f) => f.kind === "lookup" || f.kind === "lookupMulti" || f.kind === "user").length + 2;
    expect({ list: def.title, withinThreshold: joins <= 12 }).toEqual({ list: def.title, withinThreshold: true });
  }
});
