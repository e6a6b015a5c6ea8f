import type {
  BooleanField,
  ChoiceField,
  DateField,
  DateTimeField,
  ListKey,
  LookupField,
  LookupMultiField,
  NoteField,
  NumberField,
  TextField,
  UserField,
} from "./fieldTypes";

type Opts = { required?: boolean; indexed?: boolean; unique?: boolean; builtIn?: boolean };
/** Keeps the default value from narrowing the inferred choice codes (TypeScript < 5.4 has no NoInfer). */
type NoInfer<T> = [T][T extends unknown ? 0 : never];

export const text = (internalName: string, displayName: string, o: Opts & { maxLength?: number } = {}): TextField => ({
  kind: "text",
  internalName,
  displayName,
  maxLength: o.maxLength ?? 255,
  ...o,
});
export const note = (internalName: string, displayName: string, o: Opts & { maxLength?: number } = {}): NoteField => ({
  kind: "note",
  internalName,
  displayName,
  maxLength: o.maxLength ?? 8000,
  ...o,
});
export const date = (internalName: string, displayName: string, o: Opts = {}): DateField => ({
  kind: "date",
  internalName,
  displayName,
  ...o,
});
export const dateTime = (internalName: string, displayName: string, o: Opts = {}): DateTimeField => ({
  kind: "dateTime",
  internalName,
  displayName,
  ...o,
});
export const num = (
  internalName: string,
  displayName: string,
  o: Opts & { min?: number; max?: number; decimals?: number } = {},
): NumberField => ({ kind: "number", internalName, displayName, decimals: 0, ...o });
export const bool = (internalName: string, displayName: string, defaultValue = false): BooleanField => ({
  kind: "boolean",
  internalName,
  displayName,
  defaultValue,
});
export const user = (internalName: string, displayName: string, o: Opts = {}): UserField => ({
  kind: "user",
  internalName,
  displayName,
  ...o,
});
export const lookup = (internalName: string, displayName: string, list: ListKey, o: Opts = {}): LookupField => ({
  kind: "lookup",
  internalName,
  displayName,
  list,
  ...o,
});
export const lookupMulti = (internalName: string, displayName: string, list: ListKey): LookupMultiField => ({
  kind: "lookupMulti",
  internalName,
  displayName,
  list,
});
export const choice = <C extends string>(
  internalName: string,
  displayName: string,
  choices: Record<C, string>,
  defaultValue: NoInfer<C>,
  o: Opts = {},
): ChoiceField<C> => ({ kind: "choice", internalName, displayName, choices, defaultValue, ...o });

/** The fiscal year column, indexed on every list that has one. */
export const fiscalYear = (): NumberField => num("FiscalYear", "年度", { required: true, indexed: true, min: 2000, max: 2100 });
