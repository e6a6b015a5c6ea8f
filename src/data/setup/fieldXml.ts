import type { AnyListDef, FieldDef, ViewDef } from "../schema/fieldTypes";

/**
 * The CAML the site setup sends to SharePoint, rendered from the one schema: a column's
 * field XML for `fields/createFieldAsXml`, and a view's query for `views/add`. Pure, so a
 * test can render the same text and compare it with what the backend stored.
 */

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const bool = (b: boolean | undefined): string => (b ? "TRUE" : "FALSE");

/** SharePoint's field type names (TypeAsString) for each kind of column. */
export function typeAsString(f: FieldDef): string {
  switch (f.kind) {
    case "text":
      return "Text";
    case "note":
      return "Note";
    case "date":
    case "dateTime":
      return "DateTime";
    case "number":
      return "Number";
    case "boolean":
      return "Boolean";
    case "user":
      return "User";
    case "lookup":
      return "Lookup";
    case "lookupMulti":
      return "LookupMulti";
    case "choice":
      return "Choice";
  }
}

/**
 * Field XML for `createFieldAsXml`. A lookup names its target list by id (`List="{guid}"`),
 * which only exists once that list has been created: the caller passes it in.
 * Indexes and unique constraints are set afterwards on the created field (SharePoint
 * needs a column indexed before it can enforce unique values).
 */
export function fieldXml(f: FieldDef, lookupListId?: string): string {
  const common = `Name="${f.internalName}" StaticName="${f.internalName}" DisplayName="${esc(f.displayName)}" Required="${bool(f.required)}"`;
  switch (f.kind) {
    case "text":
      return `<Field Type="Text" ${common} MaxLength="${Math.min(f.maxLength, 255)}" />`;
    case "note":
      return `<Field Type="Note" ${common} NumLines="6" RichText="FALSE" AppendOnly="FALSE" />`;
    case "date":
      return `<Field Type="DateTime" ${common} Format="DateOnly" />`;
    case "dateTime":
      return `<Field Type="DateTime" ${common} Format="DateTime" />`;
    case "number":
      return (
        `<Field Type="Number" ${common} Decimals="${f.decimals ?? 0}"` +
        (f.min !== undefined ? ` Min="${f.min}"` : "") +
        (f.max !== undefined ? ` Max="${f.max}"` : "") +
        " />"
      );
    case "boolean":
      return `<Field Type="Boolean" ${common}><Default>${f.defaultValue ? 1 : 0}</Default></Field>`;
    case "user":
      return `<Field Type="User" ${common} List="UserInfo" ShowField="ImnName" UserSelectionMode="PeopleOnly" UserSelectionScope="0" />`;
    case "lookup":
    case "lookupMulti": {
      if (!lookupListId) throw new Error(`The lookup ${f.internalName} needs the id of its target list`);
      const mult = f.kind === "lookupMulti" ? ` Mult="TRUE"` : "";
      return `<Field Type="${typeAsString(f)}" ${common}${mult} List="{${lookupListId}}" ShowField="Title" />`;
    }
    case "choice": {
      const labels = Object.values(f.choices)
        .map((c) => `<CHOICE>${esc(c)}</CHOICE>`)
        .join("");
      return `<Field Type="Choice" ${common} Format="Dropdown" FillInChoice="FALSE"><Default>${esc(f.choices[f.defaultValue])}</Default><CHOICES>${labels}</CHOICES></Field>`;
    }
  }
}

/** The internal name a view shows for a property (the title links to the item). */
export function viewFieldName(def: AnyListDef, prop: string): string {
  const f = def.fields[prop];
  if (!f) throw new Error(`A view of ${def.title} names unknown property ${prop}`);
  return f.internalName === "Title" ? "LinkTitle" : f.internalName;
}

/** The view's CAML query (`ViewQuery`): filter, grouping, then order. */
export function viewQuery(def: AnyListDef, v: ViewDef): string {
  const w = v.where ? def.fields[v.where.field].internalName : "";
  const where = v.where
    ? `<Where><And><IsNotNull><FieldRef Name="${w}" /></IsNotNull><Leq><FieldRef Name="${w}" /><Value Type="DateTime"><Today OffsetDays="${v.where.withinDays}" /></Value></Leq></And></Where>`
    : "";
  const groupBy = v.groupBy?.length
    ? `<GroupBy Collapse="TRUE" GroupLimit="100">${v.groupBy.map((p) => `<FieldRef Name="${def.fields[p].internalName}" />`).join("")}</GroupBy>`
    : "";
  const order = (v.orderBy ?? [{ field: "", ascending: true }])
    .map((o) => `<FieldRef Name="${o.field ? def.fields[o.field].internalName : "ID"}" Ascending="${bool(o.ascending)}" />`)
    .join("");
  return `${where}${groupBy}<OrderBy>${order}</OrderBy>`;
}

/** A view's title as staff see it; the default view keeps SharePoint's AllItems.aspx page. */
export const viewPageName = (v: ViewDef): string => v.url.replace(/\.aspx$/i, "");
