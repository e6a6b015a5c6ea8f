import type { InFolder, Draft, LookupRef, PersonRef, Stored } from "../../domain/types";

/**
 * Vocabulary of the list schema. A list definition names, for every property of a
 * domain entity, the SharePoint column that stores it; the mapped type below makes
 * the compiler refuse a schema that forgets a property or stores it in a column of
 * the wrong kind.
 */

export type ListKey =
  | "partners"
  | "departments"
  | "agreements"
  | "partnershipItems"
  | "agreementReviews"
  | "agreementTerms"
  | "surveyResponses"
  | "calls"
  | "partnerProposals"
  | "cityProposals"
  | "proposalAnswers"
  | "matchingIssues"
  | "matchings"
  | "notifications"
  | "resultReports"
  | "publications"
  | "implementationWishes"
  | "auditLog"
  | "settings";

interface FieldBase {
  /** SharePoint internal name (StaticName); never changes once deployed. */
  internalName: string;
  /** Column title shown to staff (Japanese). */
  displayName: string;
  required?: boolean;
  /** Indexed so that filters keep working past the 5,000-item list view threshold. */
  indexed?: boolean;
  /** Values must be unique across the list (SharePoint EnforceUniqueValues; needs indexed). */
  unique?: boolean;
  /**
   * One of SharePoint's own columns (Author, Created): read, never created by setup nor
   * written by the product — SharePoint sets it, so no client can put another name or time there.
   */
  builtIn?: boolean;
}

export interface TextField extends FieldBase {
  kind: "text";
  maxLength: number;
}
export interface NoteField extends FieldBase {
  kind: "note";
  /** Enforced by the data layer; SharePoint's own limit for a multi-line column is 63,999. */
  maxLength: number;
}
export interface DateField extends FieldBase {
  kind: "date";
}
export interface DateTimeField extends FieldBase {
  kind: "dateTime";
}
export interface NumberField extends FieldBase {
  kind: "number";
  min?: number;
  max?: number;
  decimals?: number;
}
export interface BooleanField extends FieldBase {
  kind: "boolean";
  defaultValue: boolean;
}
export interface UserField extends FieldBase {
  kind: "user";
}
export interface LookupField extends FieldBase {
  kind: "lookup";
  list: ListKey;
}
export interface LookupMultiField extends FieldBase {
  kind: "lookupMulti";
  list: ListKey;
}
/** Stored value is the Japanese label so SharePoint views and Excel exports read naturally. */
export interface ChoiceField<C extends string = string> extends FieldBase {
  kind: "choice";
  choices: Record<C, string>;
  defaultValue: C;
}

export type FieldDef =
  | TextField
  | NoteField
  | DateField
  | DateTimeField
  | NumberField
  | BooleanField
  | UserField
  | LookupField
  | LookupMultiField
  | ChoiceField;

/** Which column kinds may hold a property of type V. */
export type FieldFor<V> = [V] extends [LookupRef[]]
  ? LookupMultiField
  : [V] extends [PersonRef | null]
    ? UserField
    : [V] extends [LookupRef | null]
      ? LookupField
      : [V] extends [boolean]
        ? BooleanField
        : [V] extends [number | null]
          ? NumberField
          : [V] extends [string | null]
            ? string extends V
              ? TextField | NoteField | DateField | DateTimeField
              : ChoiceField<Extract<V, string>>
            : never;

/** A column for every property a row stores (its folder and author are SharePoint's, read only: see InFolder). */
export type FieldsOf<T extends Stored> = { [K in Exclude<keyof Draft<T>, keyof InFolder>]-?: FieldFor<Exclude<T[K], undefined>> };

/**
 * Access by SharePoint group. `own` = read everything, add and change only rows whose
 * `departmentField` is the member's own department; `add` = read and add, never change;
 * `manage` = write, and manage the permissions of the list's folders (open or lock a year's
 * submission folders).
 */
export type AccessLevel = "none" | "read" | "add" | "own" | "write" | "manage";

export interface ListPermissions {
  coordinators: AccessLevel;
  members: AccessLevel;
  visitors: AccessLevel;
}

export interface ViewDef {
  /** File name of the view page, e.g. "ByYearAndDepartment.aspx". */
  url: string;
  displayName: string;
  default?: boolean;
  /** Domain property names, in column order. */
  fields: string[];
  groupBy?: string[];
  orderBy?: { field: string; ascending: boolean }[];
  /** Rows whose date is set and falls on or before today + withinDays (CAML <Today OffsetDays>), overdue ones included. */
  where?: { field: string; withinDays: number };
  rowLimit?: number;
}

export interface ListDef<T extends Stored = Stored> {
  key: ListKey;
  /**
   * Stable English name: the list lives at `Lists/PD_<title>` (see listUrlName) and is
   * always addressed by that URL, never by its display name, which a site owner may change.
   */
  title: string;
  displayName: string;
  description: string;
  fields: FieldsOf<T>;
  permissions: ListPermissions;
  /** For `own` access: the domain property holding the row's department. */
  departmentField?: keyof Draft<T> & string;
  /**
   * What a department's group may do in its folder: "write" (add, change, delete: Contribute)
   * or "edit" (change the rows the coordinator made for it, never add or delete).
   */
  departmentAccess?: "write" | "edit";
  /**
   * Rows a department submits: drafts live in its folder (`<UnitCode>`); submitting copies
   * them into the year's submission folder (`<UnitCode>-<FY>`), where the department may only
   * add, so SharePoint refuses any later change. The coordinators open a year's folders when
   * they open its call, and lock them (inherit the list: read-only) when they publish it.
   */
  submissions?: boolean;
  views: ViewDef[];
}

/** A list definition seen without its entity type, for code that walks every list. */
export interface AnyListDef extends Omit<ListDef, "fields" | "departmentField"> {
  fields: Record<string, FieldDef>;
  departmentField?: string;
}
