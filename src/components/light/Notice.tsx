import * as React from "react";
import { css, FontIcon } from "@fluentui/react";
import * as common from "CommonStrings";
import { lightStyles as s, noticeKinds, NoticeKind } from "./styles";

export interface INoticeProps {
  kind?: NoticeKind;
  children?: React.ReactNode;
  /** Buttons after the text (a reload, a retry). */
  actions?: React.ReactNode;
  /** As Fluent's MessageBar: errors are alerts, the rest are status messages, unless said otherwise. */
  role?: "alert" | "status";
  onDismiss?: () => void;
}

/**
 * A message above the content, as Fluent's MessageBar shows it (its colours and icons; the text
 * is an alert for errors and a status otherwise), for first views: MessageBar brings Fluent's
 * buttons and their menus. The text wraps; nothing is cut.
 */
export function Notice({ kind = "info", children, actions, role, onDismiss }: INoticeProps): JSX.Element {
  const k = noticeKinds[kind];
  const urgent = kind === "error" || kind === "blocked" || kind === "severeWarning";
  return (
    <div className={css(s.notice, "pd-Notice", `pd-Notice--${kind}`)} style={{ background: k.background }}>
      <FontIcon iconName={k.icon} className={s.noticeIcon} style={{ color: k.color }} aria-hidden />
      <div className={s.noticeBody}>
        <div className={s.noticeText} role={role ?? (urgent ? "alert" : "status")} aria-live={urgent ? "assertive" : "polite"}>
          {children}
        </div>
        {actions && <div className={s.noticeActions}>{actions}</div>}
      </div>
      {onDismiss && (
        <button type="button" className={s.dismiss} aria-label={common.Close} title={common.Close} onClick={onDismiss}>
          <FontIcon iconName="Clear" aria-hidden />
        </button>
      )}
    </div>
  );
}
