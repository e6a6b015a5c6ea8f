import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from "@fluentui/react";
import * as common from "CommonStrings";

/** Asks before an action that cannot be taken back (a submission that locks, a publication). */
export function ConfirmDialog({ title, text, confirm, busy, onConfirm, onCancel }: { title: string; text: string; confirm: string; busy?: boolean; onConfirm: () => void; onCancel: () => void }): JSX.Element {
  return (
    <Dialog hidden={false} onDismiss={onCancel} dialogContentProps={{ type: DialogType.normal, title, subText: text }} minWidth={360} maxWidth={520} modalProps={{ isBlocking: true, firstFocusableSelector: "pd-confirm-primary" }}>
      <DialogFooter>
        {/* Focus starts on the action, so a keyboard user confirms with Enter or steps to キャンセル. */}
        <PrimaryButton className="pd-confirm-primary" text={confirm} onClick={onConfirm} disabled={busy} />
        <DefaultButton text={common.Cancel} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}
