import * as React from "react";
import { getId } from "@fluentui/react";
import { lightStyles as s } from "./styles";

export interface ISelectOption<K extends string | number> {
  key: K;
  text: string;
}

export interface ISelectProps<K extends string | number> {
  label: string;
  value: K;
  options: ISelectOption<K>[];
  onChange: (key: K) => void;
  minWidth?: number;
  maxWidth?: number;
  /** The label larger, as a heading (the department a clerk of two departments chooses). */
  large?: boolean;
}

/**
 * A choice among a few options as the browser's own select, for first views: it is what a
 * phone in Teams shows best, and it leaves out Fluent's Dropdown (with its Callout, Panel and
 * Checkbox). The options' keys keep their type (a year stays a number).
 */
export function Select<K extends string | number>({ label, value, options, onChange, minWidth, maxWidth, large }: ISelectProps<K>): JSX.Element {
  const [id] = React.useState(() => getId("pd-select"));
  return (
    <div className={s.field} style={{ minWidth, maxWidth }}>
      <label htmlFor={id} className={s.label} style={large ? { fontSize: 18 } : undefined}>
        {label}
      </label>
      <select
        id={id}
        className={s.select}
        value={String(value)}
        style={large ? { fontSize: 18, fontWeight: 600, height: 36 } : undefined}
        onChange={(e) => {
          const o = options.find((x) => String(x.key) === e.target.value);
          if (o) onChange(o.key);
        }}
      >
        {options.map((o) => (
          <option key={String(o.key)} value={String(o.key)}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
