import * as React from "react";
import { FontIcon } from "@fluentui/react";
import { lightStyles as s } from "./styles";

export interface IToolbarItem {
  key: string;
  text: string;
  iconName?: string;
  disabled?: boolean;
  title?: string;
  onClick: () => void;
}

export interface IToolbarProps {
  items: IToolbarItem[];
  ariaLabel?: string;
}

/**
 * A row of commands, as Fluent's CommandBar presents them to assistive technology (a menubar of
 * menuitems, one tab stop, arrow keys between them), for first views. Where the row does not fit
 * (390 px in Teams) the commands wrap onto a second line instead of hiding behind 「…」.
 */
export function Toolbar({ items, ariaLabel }: IToolbarProps): JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  const [current, setCurrent] = React.useState(0);
  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0);
  const active = enabled.includes(current) ? current : (enabled[0] ?? 0);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (!enabled.length) return;
    const at = Math.max(0, enabled.indexOf(active));
    const to = e.key === "ArrowRight" ? enabled[(at + 1) % enabled.length] : e.key === "ArrowLeft" ? enabled[(at - 1 + enabled.length) % enabled.length] : e.key === "Home" ? enabled[0] : e.key === "End" ? enabled[enabled.length - 1] : undefined;
    if (to === undefined) return;
    e.preventDefault();
    setCurrent(to);
    ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[to]?.focus();
  };
  return (
    <div ref={ref} role="menubar" aria-label={ariaLabel} className={s.toolbar} onKeyDown={onKeyDown}>
      {items.map((it, i) => (
        <button
          key={it.key}
          type="button"
          role="menuitem"
          className={s.command}
          disabled={it.disabled}
          aria-disabled={it.disabled || undefined}
          title={it.title}
          tabIndex={i === active ? 0 : -1}
          onFocus={() => setCurrent(i)}
          onClick={it.onClick}
        >
          {it.iconName && <FontIcon iconName={it.iconName} className={s.commandIcon} aria-hidden />}
          <span className="pd-Button-label">{it.text}</span>
        </button>
      ))}
    </div>
  );
}
