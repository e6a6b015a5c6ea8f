import { createHash } from "crypto";
import type { AnyListDef, FieldDef, ViewDef } from "../../src/data/schema/fieldTypes";
import { allLists, listByKey } from "../../src/data/schema/listSchema";

/**
 * Renders the feature framework files that provision every list: one elements.xml with
 * a ListInstance per list (in dependency order, so a lookup's target exists first) and a
 * schema-<list>.xml per list with its columns and views. Pure: the same schema gives the
 * same bytes, so a test can compare the committed files with a fresh rendering.
 */

const TITLE_FIELD_ID = "{fa564e0f-0c70-4ab9-b863-0177e6ddd247}";

/** A stable GUID from a name (SHA-1, version-5 style), so regenerating never changes ids. */
export function stableGuid(name: string): string {
  const h = createHash("sha1").update(`partnership-desk:${name}`).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const bool = (b: boolean | undefined): string => (b ? "TRUE" : "FALSE");

export const schemaFileName = (def: AnyListDef): string => `schema-${def.key}.xml`;

function fieldXml(def: AnyListDef, f: FieldDef): string {
  const isTitle = f.internalName === "Title";
  const id = isTitle ? TITLE_FIELD_ID : `{${stableGuid(`${def.title}/${f.internalName}`)}}`;
  const common =
    `ID="${id}" Name="${f.internalName}" StaticName="${f.internalName}" DisplayName="${esc(f.displayName)}"` +
    ` Required="${bool(f.required)}" Indexed="${bool(f.indexed || f.unique)}"` +
    (f.unique ? ` EnforceUniqueValues="TRUE"` : "") +
    (isTitle ? ` SourceID="http://schemas.microsoft.com/sharepoint/v3"` : "");
  switch (f.kind) {
    case "text":
      return `<Field ${common} Type="Text" MaxLength="${Math.min(f.maxLength, 255)}" />`;
    case "note":
      return `<Field ${common} Type="Note" NumLines="6" RichText="FALSE" AppendOnly="FALSE" />`;
    case "date":
      return `<Field ${common} Type="DateTime" Format="DateOnly" />`;
    case "dateTime":
      return `<Field ${common} Type="DateTime" Format="DateTime" />`;
    case "number":
      return (
        `<Field ${common} Type="Number" Decimals="${f.decimals ?? 0}"` +
        (f.min !== undefined ? ` Min="${f.min}"` : "") +
        (f.max !== undefined ? ` Max="${f.max}"` : "") +
        " />"
      );
    case "boolean":
      return `<Field ${common} Type="Boolean"><Default>${f.defaultValue ? 1 : 0}</Default></Field>`;
    case "user":
      return `<Field ${common} Type="User" List="UserInfo" ShowField="ImnName" UserSelectionMode="PeopleOnly" UserSelectionScope="0" />`;
    case "lookup":
      return `<Field ${common} Type="Lookup" List="Lists/${listByKey(f.list).title}" ShowField="Title" RelationshipDeleteBehavior="None" />`;
    case "lookupMulti":
      return `<Field ${common} Type="LookupMulti" Mult="TRUE" List="Lists/${listByKey(f.list).title}" ShowField="Title" />`;
    case "choice": {
      const labels = Object.values(f.choices)
        .map((c) => `<CHOICE>${esc(c)}</CHOICE>`)
        .join("");
      return `<Field ${common} Type="Choice" Format="Dropdown" FillInChoice="FALSE"><Default>${esc(f.choices[f.defaultValue])}</Default><CHOICES>${labels}</CHOICES></Field>`;
    }
  }
}

function fieldRefName(def: AnyListDef, prop: string): string {
  const f = def.fields[prop];
  if (!f) throw new Error(`View of ${def.title} names unknown property ${prop}`);
  return f.internalName === "Title" ? "LinkTitle" : f.internalName;
}

function viewXml(def: AnyListDef, v: ViewDef, index: number): string {
  const fields = v.fields.map((p) => `          <FieldRef Name="${fieldRefName(def, p)}" />`).join("\n");
  const groupBy = v.groupBy?.length
    ? `<GroupBy Collapse="TRUE" GroupLimit="100">${v.groupBy.map((p) => `<FieldRef Name="${def.fields[p].internalName}" />`).join("")}</GroupBy>`
    : "";
  const order = (v.orderBy ?? [{ field: "", ascending: true }])
    .map((o) => `<FieldRef Name="${o.field ? def.fields[o.field].internalName : "ID"}" Ascending="${bool(o.ascending)}" />`)
    .join("");
  return [
    `      <View BaseViewID="${index + 1}" Type="HTML" WebPartZoneID="Main" DisplayName="${esc(v.displayName)}" DefaultView="${bool(v.default)}" MobileView="TRUE" MobileDefaultView="${bool(v.default)}" SetupPath="pages\\viewpage.aspx" ImageUrl="/_layouts/images/generic.png" Url="${v.url}">`,
    `        <XslLink Default="TRUE">main.xsl</XslLink>`,
    `        <JSLink>clienttemplates.js</JSLink>`,
    `        <RowLimit Paged="TRUE">${v.rowLimit ?? 30}</RowLimit>`,
    `        <Toolbar Type="Standard" />`,
    `        <ViewFields>`,
    fields,
    `        </ViewFields>`,
    `        <Query>${groupBy}<OrderBy>${order}</OrderBy></Query>`,
    `      </View>`,
  ].join("\n");
}

export function schemaXml(def: AnyListDef): string {
  const fields = Object.values(def.fields)
    .map((f) => `      ${fieldXml(def, f)}`)
    .join("\n");
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!-- Generated by dev/scripts/generate-schema-xml.ts from src/data/schema/listSchema.ts. Do not edit. -->`,
    `<List xmlns:ows="Microsoft SharePoint" Title="${esc(def.title)}" EnableContentTypes="FALSE" FolderCreation="FALSE" Direction="$Resources:Direction;" Url="Lists/${def.title}" BaseType="0" xmlns="http://schemas.microsoft.com/sharepoint/">`,
    `  <MetaData>`,
    `    <ContentTypes>`,
    `      <ContentTypeRef ID="0x01" />`,
    `    </ContentTypes>`,
    `    <Fields>`,
    fields,
    `    </Fields>`,
    `    <Views>`,
    def.views.map((v, i) => viewXml(def, v, i)).join("\n"),
    `    </Views>`,
    `    <Forms>`,
    `      <Form Type="DisplayForm" Url="DispForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />`,
    `      <Form Type="EditForm" Url="EditForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />`,
    `      <Form Type="NewForm" Url="NewForm.aspx" SetupPath="pages\\form.aspx" WebPartZoneID="Main" />`,
    `    </Forms>`,
    `  </MetaData>`,
    `</List>`,
    ``,
  ].join("\n");
}

export function elementsXml(lists: readonly AnyListDef[]): string {
  const instances = lists
    .map(
      (def) =>
        `  <ListInstance CustomSchema="${schemaFileName(def)}" FeatureId="00bfea71-de22-43b2-a848-c05709900100" Title="${esc(def.title)}" Description="${esc(def.displayName)}：${esc(def.description)}" TemplateType="100" Url="Lists/${def.title}" />`,
    )
    .join("\n");
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!-- Generated by dev/scripts/generate-schema-xml.ts from src/data/schema/listSchema.ts. Do not edit. -->`,
    `<Elements xmlns="http://schemas.microsoft.com/sharepoint/">`,
    instances,
    `</Elements>`,
    ``,
  ].join("\n");
}

/** Every provisioning file by its name under sharepoint/assets. */
export function renderProvisioning(lists: readonly AnyListDef[] = allLists): Map<string, string> {
  const files = new Map<string, string>();
  files.set("elements.xml", elementsXml(lists));
  for (const def of lists) files.set(schemaFileName(def), schemaXml(def));
  return files;
}
