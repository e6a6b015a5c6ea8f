import * as React from "react";
import { MessageBar, MessageBarType, MessageBarButton } from "@fluentui/react";
import * as common from "CommonStrings";
import { isDataError } from "../../data/contracts";

export interface IErrorBarProps {
  error: unknown;
  onReload?: () => void;
}

/** A data-layer error in the user's language, with a way out (reload). */
export function ErrorBar({ error, onReload }: IErrorBarProps): JSX.Element | null {
  if (!error) return null;
  const kind = isDataError(error) ? error.kind : "unknown";
  return (
    <MessageBar
      messageBarType={kind === "conflict" || kind === "throttled" ? MessageBarType.warning : MessageBarType.error}
      isMultiline
      actions={onReload ? <MessageBarButton onClick={onReload}>{common.Reload}</MessageBarButton> : undefined}
    >
      {common.Errors[kind]}
    </MessageBar>
  );
}
