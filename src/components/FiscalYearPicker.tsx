import * as React from "react";
import { Dropdown, IDropdownOption } from "@fluentui/react";
import * as common from "CommonStrings";
import { formatFiscalYear } from "../domain/calendar";

export interface IFiscalYearPickerProps {
  value: number;
  years: number[];
  onChange: (fy: number) => void;
}

export function FiscalYearPicker({ value, years, onChange }: IFiscalYearPickerProps): JSX.Element {
  const options: IDropdownOption[] = years.map((y) => ({ key: y, text: formatFiscalYear(y) }));
  return (
    <Dropdown
      label={common.FiscalYear}
      selectedKey={value}
      options={options}
      onChange={(_, o) => o && onChange(Number(o.key))}
      styles={{ root: { minWidth: 240 } }}
    />
  );
}
