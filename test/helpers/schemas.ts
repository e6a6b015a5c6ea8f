import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { AppManifestUtils } from "@microsoft/app-manifest";

/**
 * What the tenant validates, validated here with the schemas the tools themselves ship
 * (no download: every schema is read from node_modules).
 */
const root = path.resolve(__dirname, "../..");

/** Microsoft's Teams app manifest schema for a manifestVersion, as `@microsoft/app-manifest` (Teams Toolkit's own package) ships it. */
export function teamsSchemaFile(manifestVersion: string): string {
  return path.join(root, "node_modules/@microsoft/app-manifest/build/json-schemas/teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
}

/**
 * A Teams app manifest's schema errors (none: []) against the schema of the manifestVersion it
 * declares, validated the way the package's own `AppManifestUtils.validateAgainstSchema` does
 * (ajv, draft-04, `additionalProperties: false` at the root). The schema files hold `\a`/`\v`
 * in some patterns, which JSON does not allow; the package replaces them the same way before parsing.
 */
export async function teamsManifestErrors(manifest: Record<string, unknown>): Promise<string[]> {
  const file = teamsSchemaFile(String(manifest.manifestVersion));
  if (!fs.existsSync(file)) return [`no schema for manifestVersion ${String(manifest.manifestVersion)} in @microsoft/app-manifest`];
  const schema = JSON.parse(fs.readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

/** SPFx's own schemas for the config files (the gulp toolchain validates with these; `spfx-heft-plugins` ships them), by the file name in `$schema`. */
const spfxSchemas: Record<string, string> = {
  "config.2.0.schema.json": "node_modules/@microsoft/spfx-heft-plugins/lib-commonjs/spfxConfig/schemas/config.2.0.schema.json",
  "package-solution.schema.json": "node_modules/@microsoft/spfx-heft-plugins/lib-commonjs/plugins/packageSolutionPlugin/package-solution.schema.json",
  "deploy-azure-storage.schema.json": "node_modules/@microsoft/spfx-heft-plugins/lib-commonjs/plugins/deployAzureStorage/deploy-azure-storage.schema.json",
  "spfx-serve.schema.json": "node_modules/@microsoft/spfx-heft-plugins/lib-commonjs/spfxConfig/schemas/spfx-serve.schema.json",
  "sass.schema.json": "node_modules/@microsoft/gulp-core-build-sass/lib/sass.schema.json",
};

/** The local copy of the schema a config file names in `$schema`; undefined when no installed package ships it. */
export function localSchemaFor(schemaUrl: string): string | undefined {
  const file = spfxSchemas[schemaUrl.split("/").pop() ?? ""];
  return file && path.join(root, file);
}

/** A JSON file's errors against a JSON schema (draft-04 or draft-07, as SPFx's schemas are): [] when it validates. */
export function jsonSchemaErrors(json: unknown, schemaFile: string): string[] {
  const ajv = new Ajv({ allErrors: true, schemaId: "auto", jsonPointers: true });
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.dataPath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
