import * as fs from "fs";
import * as path from "path";
import { normaliseGraphPath, normaliseSpPath, shapeOf } from "../../dev/backend/callRecorder";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCatalog, uncatalogued } = require("../env/callCatalog.js") as {
  loadCatalog: () => CatalogEntry[];
  uncatalogued: (shapes: Shape[], calls: CatalogEntry[]) => string[];
};

interface Shape {
  api: string;
  method: string;
  path: string;
  query: string[];
}
interface CatalogEntry {
  id: string;
  shapes: Shape[];
  sources: string[];
  backend: string;
  test: string;
  risk: string;
  probe: string | null;
  spo: string;
}

const root = path.join(__dirname, "..", "..");

describe("call shapes (dev/backend/callRecorder.ts)", () => {
  it("normalises list URLs, ids, quoted values, GUIDs and booleans to stable patterns", () => {
    expect(normaliseSpPath("web/getList('/sites/partnership/Lists/PD_X')/items(12)")).toBe("web/getlist('{url}')/items({n})");
    expect(normaliseSpPath("web/getList('%2Fsites%2Fpartnership%2FLists%2FPD_Y')/items(7)")).toBe("web/getlist('{url}')/items({n})");
    expect(normaliseSpPath("web/getFolderByServerRelativePath(decodedUrl='/sites/partnership/Lists/PD_Submissions/D01 子育て支援課')/listItemAllFields")).toBe(
      "web/getfolderbyserverrelativepath(decodedurl='{url}')/listitemallfields",
    );
    expect(normaliseSpPath("web/lists/getByTitle('It''s')/items(3)/AttachmentFiles/add(FileName='a.pdf')")).toBe("web/lists/getbytitle('{s}')/items({n})/attachmentfiles/add(filename='{s}')");
    expect(normaliseSpPath("web/lists(guid'0b5e9c6e-1111-4222-8333-444455556666')/items")).toBe("web/lists(guid'{guid}')/items");
    expect(normaliseSpPath("web/getList('/sites/p/Lists/A')/items(4)/breakroleinheritance(copyRoleAssignments=true, clearSubscopes=false)")).toBe(
      "web/getlist('{url}')/items({n})/breakroleinheritance(copyroleassignments={b}, clearsubscopes={b})",
    );
    expect(normaliseSpPath("web/roleassignments/addroleassignment(principalid=15, roledefid=1073741827)")).toBe("web/roleassignments/addroleassignment(principalid={n}, roledefid={n})");
    expect(normaliseSpPath("SP.MoveCopyUtil.MoveFileByPath(overwrite=@a1)")).toBe("sp.movecopyutil.movefilebypath(overwrite=@a1)");
    expect(normaliseGraphPath("/v1.0/teams/abc-1/channels/19:x@thread.tacv2/messages")).toBe("/teams/{id}/channels/{id}/messages");
    expect(normaliseGraphPath("/v1.0/me/joinedTeams")).toBe("/me/joinedteams");
  });

  it("takes the verb from X-HTTP-Method and the option names from the query", () => {
    const s = shapeOf("POST", new URL("http://h/sites/partnership/_api/web/getList('/sites/partnership/Lists/PD_A')/items(3)?$select=Id&$filter=x"), "MERGE");
    expect(s).toEqual({ api: "sp", method: "MERGE", path: "web/getlist('{url}')/items({n})", query: ["$filter", "$select"] });
    expect(shapeOf("GET", new URL("http://h/workbench/index.html"))).toBeNull();
  });
});

describe("the catalog (docs/sharepoint-calls.json)", () => {
  const calls = loadCatalog();

  it("covers a shape it lists and reports one it does not — removing an entry makes the check fail", () => {
    const recorded: Shape[] = [
      { api: "sp", method: "GET", path: "web/getlist('{url}')/items", query: ["$filter", "$select", "$top"] },
      { api: "sp", method: "MERGE", path: "web/getlist('{url}')/items({n})", query: [] },
      { api: "graph", method: "POST", path: "/teams/{id}/channels/{id}/messages", query: [] },
    ];
    expect(uncatalogued(recorded, calls)).toEqual([]);
    const without = calls.filter((c) => c.id !== "itemUpdate");
    expect(uncatalogued(recorded, without)).toEqual(["sp MERGE web/getlist('{url}')/items({n})"]);
    // An option the catalog does not list for the shape is a new shape too.
    expect(uncatalogued([{ api: "sp", method: "GET", path: "web/getlist('{url}')/items({n})", query: ["$skip"] }], calls)).toHaveLength(1);
    expect(uncatalogued([{ api: "sp", method: "POST", path: "web/newthing", query: [] }], calls)).toEqual(["sp POST web/newthing"]);
  });

  it("gives each entry sources, a backend handler and a test that exist", () => {
    for (const c of calls) {
      expect(c.sources.length).toBeGreaterThan(0);
      expect(c.spo.length).toBeGreaterThan(20);
      for (const file of [...c.backend.matchAll(/dev\/backend\/[\w.]+\.ts/g)].map((m) => m[0])) expect(fs.existsSync(path.join(root, file))).toBe(true);
      const tests = [...c.test.matchAll(/test\/[\w/.]+\.test\.tsx?/g)].map((m) => m[0]);
      expect(tests.length).toBeGreaterThan(0);
      for (const t of tests) expect(fs.existsSync(path.join(root, t))).toBe(true);
    }
  });

  it("is what docs/sharepoint-calls.md shows (regenerate with node dev/scripts/call-catalog-md.mjs)", () => {
    const md = fs.readFileSync(path.join(root, "docs", "sharepoint-calls.md"), "utf8");
    for (const c of calls) {
      expect(md).toContain(`id="${c.id}"`);
      for (const s of c.shapes) expect(md).toContain(`${s.method} ${s.path}`);
    }
  });
});
