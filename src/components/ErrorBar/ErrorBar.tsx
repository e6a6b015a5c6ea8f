import * as React from "react";
import { MessageBar, MessageBarType, MessageBarButton } from "@fluentui/react";
import * as common from "CommonStrings";
import { isDataError } from "../../data/contracts";
import { isRuleError } from "../../data/services/ServiceBase";
import { SUBMISSION_CODES } from "../problems";

export interface IErrorBarProps {
  error: unknown;
  onReload?: () => void;
  /** Label of the reload button, e.g. "reload and keep my input" on a conflict. */
  reloadLabel?: string;
}

/** A data-layer error in the user's language, with a way out (reload). */
export function ErrorBar({ error, onReload, reloadLabel }: IErrorBarProps): JSX.Element | null {
  if (!error) return null;
  const rule = isRuleError(error) ? error.problems.map((p) => p.code).find((c): c is (typeof SUBMISSION_CODES)[number] => (SUBMISSION_CODES as readonly string[]).includes(c)) : undefined;
  if (rule) {
    return (
      <MessageBar messageBarType={MessageBarType.warning} isMultiline role="alert" actions={onReload ? <MessageBarButton onClick={onReload}>{common.Reload}</MessageBarButton> : undefined}>
        {common.Submission[rule]}
      </MessageBar>
    );
  }
  const kind = isDataError(error) ? error.kind : "unknown";
  return (
    <MessageBar
      messageBarType={kind === "conflict" || kind === "throttled" ? MessageBarType.warning : MessageBarType.error}
      isMultiline
      role="alert"
      actions={onReload ? <MessageBarButton onClick={onReload}>{reloadLabel ?? common.Reload}</MessageBarButton> : undefined}
    >
      {isDataError(error) && error.detail?.outcomeUnknown ? common.OutcomeUnknown : common.Errors[kind]}
    </MessageBar>
  );
}
