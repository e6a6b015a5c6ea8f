import { randomUUID } from "crypto";
import type { FieldDef } from "../../src/data/schema/fieldTypes";
import type { FieldState } from "./store";
import { SpError } from "./spErrors";

/**
 * Field XML as SharePoint reads it in `fields/createFieldAsXml`: the backend keeps the
 * column it describes, and refuses what SharePoint refuses (not a <Field> element, a type
 * it does not know, a lookup without a target list, a name already used in the list).
 */

const invalidXml = (why: string): SpError => new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", `Field XML is not valid: ${why}`);

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w:.-]*)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unescape(m[2]);
  return out;
}

const yes = (v: string | undefined): boolean => (v ?? "").toUpperCase() === "TRUE";

/** Built-in columns of every list; a new column may not take their names. */
export const BUILT_IN_FIELDS = ["ID", "Id", "Created", "Modified", "Author", "Editor", "Attachments", "ContentType", "FileLeafRef", "FSObjType", "LinkTitle", "GUID"];

export function parseFieldXml(xml: string, listExists: (id: string) => boolean): FieldState {
  const text = xml.trim();
  const open = /^<Field\b([^>]*?)(\/?)>/s.exec(text);
  if (!open) throw invalidXml("the root element must be <Field>.");
  const selfClosing = open[2] === "/";
  if (!selfClosing && !/<\/Field>\s*$/s.test(text)) throw invalidXml("the <Field> element is not closed.");
  const a = attributes(open[1]);
  const name = a.Name ?? a.StaticName;
  if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw invalidXml("the Name attribute is missing or not a valid internal name.");
  const title = a.DisplayName ?? name;
  const inner = selfClosing ? "" : text.slice(open[0].length).replace(/<\/Field>\s*$/s, "");
  const defaultValue = /<Default>([\s\S]*?)<\/Default>/.exec(inner)?.[1];
  const base = { internalName: name, displayName: title, required: yes(a.Required), indexed: yes(a.Indexed), unique: yes(a.EnforceUniqueValues) };
  let def: FieldDef;
  switch (a.Type) {
    case "Text":
      def = { ...base, kind: "text", maxLength: Math.min(Number(a.MaxLength ?? 255) || 255, 255) };
      break;
    case "Note":
      def = { ...base, kind: "note", maxLength: 63999 };
      break;
    case "DateTime":
      def = { ...base, kind: a.Format === "DateOnly" ? "date" : "dateTime" };
      break;
    case "Number":
      def = {
        ...base,
        kind: "number",
        min: a.Min !== undefined ? Number(a.Min) : undefined,
        max: a.Max !== undefined ? Number(a.Max) : undefined,
        decimals: a.Decimals !== undefined ? Number(a.Decimals) : undefined,
      };
      break;
    case "Boolean":
      def = { ...base, kind: "boolean", defaultValue: defaultValue === "1" };
      break;
    case "User":
      def = { ...base, kind: "user" };
      break;
    case "Lookup":
    case "LookupMulti": {
      const list = (a.List ?? "").replace(/[{}]/g, "");
      if (!/^[0-9a-f-]{36}$/i.test(list)) throw invalidXml("a lookup column needs the id of its target list in List=\"{guid}\".");
      if (!listExists(list)) throw new SpError(400, "-2147024809, System.ArgumentException", `List '${list}' does not exist at site.`);
      if ((a.Type === "LookupMulti") !== yes(a.Mult)) throw invalidXml("a LookupMulti column must have Mult=\"TRUE\".");
      def = { ...base, kind: a.Type === "Lookup" ? "lookup" : "lookupMulti", list: list as never };
      break;
    }
    case "Choice": {
      const choices: Record<string, string> = {};
      for (const m of inner.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/g)) choices[unescape(m[1])] = unescape(m[1]);
      if (Object.keys(choices).length === 0) throw invalidXml("a Choice column needs <CHOICES>.");
      def = { ...base, kind: "choice", choices, defaultValue: defaultValue ? unescape(defaultValue) : Object.keys(choices)[0] };
      break;
    }
    default:
      throw invalidXml(`the field type '${a.Type ?? ""}' is not supported.`);
  }
  return {
    id: (a.ID ?? randomUUID()).replace(/[{}]/g, ""),
    internalName: name,
    title,
    typeAsString: a.Type,
    required: base.required,
    indexed: base.indexed,
    unique: base.unique,
    schemaXml: text,
    def,
    inContentType: false,
  };
}

/** The Title column every custom list starts with. */
export function titleField(): FieldState {
  return {
    id: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
    internalName: "Title",
    title: "Title",
    typeAsString: "Text",
    required: true,
    indexed: false,
    unique: false,
    schemaXml: '<Field ID="{fa564e0f-0c70-4ab9-b863-0177e6ddd247}" Type="Text" Name="Title" DisplayName="Title" Required="TRUE" MaxLength="255" />',
    def: { kind: "text", internalName: "Title", displayName: "Title", required: true, maxLength: 255 },
    inContentType: true,
  };
}
