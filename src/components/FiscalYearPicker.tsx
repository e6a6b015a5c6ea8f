import * as React from "react";
import * as common from "CommonStrings";
import { fiscalYearLabel } from "./format";
import { Select } from "./light";

export interface IFiscalYearPickerProps {
  value: number;
  years: number[];
  onChange: (fy: number) => void;
}

export function FiscalYearPicker({ value, years, onChange }: IFiscalYearPickerProps): JSX.Element {
  return <Select label={common.FiscalYear} value={value} options={years.map((y) => ({ key: y, text: fiscalYearLabel(y) }))} onChange={onChange} minWidth={240} maxWidth={360} />;
}
