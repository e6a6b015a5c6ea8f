import * as React from "react";
import { css, getId } from "@fluentui/react";
import { lightStyles as s } from "./styles";

export interface ITabProps {
  itemKey: string;
  headerText: string;
  children?: React.ReactNode;
}

/** One tab of `Tabs`; only the chosen tab's content is rendered (as Fluent's PivotItem). */
export function Tab(props: ITabProps): JSX.Element {
  return <>{props.children}</>;
}

export interface ITabsProps {
  ariaLabel: string;
  children: React.ReactNode;
  /** A tab was chosen (before its content renders): a view can start the tab's read beside its code. */
  onChange?: (itemKey: string) => void;
}

/**
 * Tabs as Fluent's Pivot presents them (a tablist of tabs, arrow keys between them, one tabpanel),
 * for first views: the Pivot brings Fluent's buttons and their menus with it. Tabs given as
 * `false` (a role without them) are left out.
 */
export function Tabs({ ariaLabel, children, onChange }: ITabsProps): JSX.Element {
  const tabs = React.Children.toArray(children).filter((c): c is React.ReactElement<ITabProps> => React.isValidElement(c));
  const [selected, choose] = React.useState<string>(tabs[0]?.props.itemKey ?? "");
  const setSelected = (key: string): void => {
    if (key !== selected) onChange?.(key);
    choose(key);
  };
  const [id] = React.useState(() => getId("pd-tabs"));
  const listRef = React.useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.props.itemKey === selected) ?? tabs[0];
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const at = tabs.indexOf(current);
    const to = e.key === "ArrowRight" ? (at + 1) % tabs.length : e.key === "ArrowLeft" ? (at - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    setSelected(tabs[to].props.itemKey);
    listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div>
      <div ref={listRef} role="tablist" aria-label={ariaLabel} className={s.tablist} onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const on = t === current;
          return (
            <button
              key={t.props.itemKey}
              id={`${id}-tab-${t.props.itemKey}`}
              type="button"
              role="tab"
              aria-selected={on}
              aria-controls={on ? `${id}-panel` : undefined}
              tabIndex={on ? 0 : -1}
              className={css(s.tab, on && s.tabSelected)}
              onClick={() => setSelected(t.props.itemKey)}
            >
              <span className="pd-Tab-label">{t.props.headerText}</span>
            </button>
          );
        })}
      </div>
      {current && (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.props.itemKey}`} key={current.props.itemKey}>
          {current.props.children}
        </div>
      )}
    </div>
  );
}
