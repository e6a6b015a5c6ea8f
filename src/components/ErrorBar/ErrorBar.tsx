import * as React from "react";
import { MessageBar, MessageBarType, MessageBarButton } from "@fluentui/react";
import * as common from "CommonStrings";
import { isDataError } from "../../data/contracts";

export interface IErrorBarProps {
  error: unknown;
  onReload?: () => void;
  /** Label of the reload button, e.g. "reload and keep my input" on a conflict. */
  reloadLabel?: string;
}

/** A data-layer error in the user's language, with a way out (reload). */
export function ErrorBar({ error, onReload, reloadLabel }: IErrorBarProps): JSX.Element | null {
  if (!error) return null;
  const kind = isDataError(error) ? error.kind : "unknown";
  return (
    <MessageBar
      messageBarType={kind === "conflict" || kind === "throttled" ? MessageBarType.warning : MessageBarType.error}
      isMultiline
      role="alert"
      actions={onReload ? <MessageBarButton onClick={onReload}>{reloadLabel ?? common.Reload}</MessageBarButton> : undefined}
    >
      {common.Errors[kind]}
    </MessageBar>
  );
}
