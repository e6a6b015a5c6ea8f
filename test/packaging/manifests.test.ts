import * as fs from "fs";
import * as path from "path";
import { jsonSchemaErrors, localSchemaFor, teamsManifestErrors, teamsSchemaFile } from "../helpers/schemas";

/**
 * Issue 30, point 7: what the tenant validates is validated here. A Teams app whose manifest
 * fails the schema of its manifestVersion is refused on upload (MicrosoftDocs/msteams-docs#10776);
 * SPFx validates config/*.json against its own schemas when it builds and packages.
 */
const root = path.resolve(__dirname, "../..");
const readJson = (rel: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, rel), "utf8"));

/**
 * manifestVersion stays 1.17: a configurable channel tab and webApplicationInfo are all an SPFx tab uses,
 * 1.17 has both, and the manifest (without packageName, which the schemas dropped in 1.17; it was optional
 * before) validates unchanged against every newer schema the package ships, up to 1.30 (checked when this was written).
 * A newer version would add nothing the tab uses and only narrow which Teams clients and admin tools
 * already know it; moving is a one-line change when a feature needs it.
 */
describe("the department portal's Teams app manifest (teams/manifest.json)", () => {
  const manifest = readJson("teams/manifest.json") as Record<string, unknown> & { manifestVersion: string; configurableTabs: Array<Record<string, unknown>> };

  test("validates against Microsoft's JSON schema for the manifestVersion it declares (@microsoft/app-manifest)", async () => {
    expect(fs.existsSync(teamsSchemaFile(manifest.manifestVersion))).toBe(true);
    expect(await teamsManifestErrors(manifest)).toEqual([]);
  });

  test("its $schema names the same manifestVersion", () => {
    expect(manifest.$schema).toMatch(new RegExp(`/json-schemas/teams/v${manifest.manifestVersion.replace(".", "\\.")}/MicrosoftTeams\\.schema\\.json$`));
  });

  test("the check is real: a property the schema does not know (1.17 has no packageName) fails it", async () => {
    expect(await teamsManifestErrors({ ...manifest, packageName: "DepartmentPortalWebPart" })).toEqual([expect.stringContaining('"additionalProperty":"packageName"')]);
    expect(await teamsManifestErrors({ ...manifest, manifestVersion: "0.9" })).toEqual([expect.stringContaining("no schema")]);
  });

  // What Teams needs for an SPFx web part as a channel tab: the configurable tab that opens the web part through
  // SharePoint's TeamsLogon page on the team's own site, and SharePoint Online as the web application
  // (sp-dev-docs, docs/spfx/deployment-spfx-teams-solutions.md and the manifest SharePoint generates on "Sync to Teams").
  test("keeps what an SPFx tab needs: the TeamsLogon configuration URL on the team's site and SharePoint Online as the web application", () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs[0].configurationUrl).toMatch(/^https:\/\/\{teamSiteDomain\}\{teamSitePath\}\/_layouts\/15\/TeamsLogon\.aspx\?SPFX=true&dest=\{teamSitePath\}\/_layouts\/15\/teamshostedapp\.aspx/);
    expect(manifest.webApplicationInfo).toEqual({ resource: "https://{teamSiteDomain}", id: "00000003-0000-0ff1-ce00-000000000000" });
  });
});

describe("config/*.json against SPFx's own schemas (the ones the build validates with)", () => {
  const configs = fs.readdirSync(path.join(root, "config")).filter((f) => f.endsWith(".json"));

  test.each(configs)("config/%s validates against the schema its $schema names, where a package here ships it", (name) => {
    const json = readJson(`config/${name}`);
    expect(typeof json.$schema).toBe("string");
    const schema = localSchemaFor(json.$schema as string);
    // write-manifests.schema.json is not shipped by any SPFx 1.23 package (neither the gulp nor the Heft toolchain's).
    if (name === "write-manifests.json") {
      expect(schema).toBeUndefined();
      return;
    }
    expect({ name, schema: schema && fs.existsSync(schema) }).toEqual({ name, schema: true });
    expect({ name, errors: jsonSchemaErrors(json, schema!) }).toEqual({ name, errors: [] });
  });

  test("package-solution.json is among them, and the check is real: an unknown property fails it", () => {
    expect(configs).toContain("package-solution.json");
    const json = readJson("config/package-solution.json") as { $schema: string; solution: Record<string, unknown> };
    expect(jsonSchemaErrors({ ...json, solution: { ...json.solution, teamsManifest: "x" } }, localSchemaFor(json.$schema)!)).not.toEqual([]);
  });
});
