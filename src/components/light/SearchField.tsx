import * as React from "react";
import { css, FontIcon } from "@fluentui/react";
import { lightStyles as s } from "./styles";

export interface ISearchFieldProps {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
  minWidth?: number;
}

/** A search box (the browser's own, with its clear button and Esc), labelled, for first views. */
export function SearchField({ id, label, value, placeholder, onChange, minWidth }: ISearchFieldProps): JSX.Element {
  return (
    <div className={s.field} style={{ minWidth }}>
      <label htmlFor={id} className={s.label}>
        {label}
      </label>
      <div className={s.search}>
        <FontIcon iconName="Search" className={s.searchIcon} aria-hidden />
        <input id={id} type="search" className={css(s.select, s.searchInput)} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      </div>
    </div>
  );
}
