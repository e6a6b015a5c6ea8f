import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, Link, PrimaryButton, Stack, TextField } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { problemText } from "../../../components/problems";
import * as common from "CommonStrings";
import type { ImplementationWish, Matching } from "../../../domain/types";

/** 実施希望 for one feedback row: register with a contact person, or withdraw. */
export function WishCell({ row, wish, canWish, onWish, onWithdraw }: { row: Matching; wish: ImplementationWish | undefined; canWish: boolean; onWish: (person: string, comment: string) => Promise<void>; onWithdraw: (w: ImplementationWish) => Promise<void> }): JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  const [person, setPerson] = React.useState(wish?.contactPerson ?? "");
  const [comment, setComment] = React.useState(wish?.comment ?? "");
  const action = useAction();
  if (wish)
    return (
      <span>
        <span style={{ color: "#107c10", fontWeight: 600 }}>{fmt(strings.Wish.by, wish.contactPerson)}</span>{" "}
        {canWish && <Link onClick={() => void action.run(() => onWithdraw(wish))}>{strings.Wish.withdraw}</Link>}
      </span>
    );
  if (!canWish) return null;
  return (
    <>
      <DefaultButton text={strings.Wish.wish} onClick={() => setOpen(true)} ariaLabel={`${strings.Wish.wish}: ${row.title}`} />
      {open && (
        <Dialog hidden={false} onDismiss={() => setOpen(false)} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Wish.heading, subText: `NO.${row.rowNo} ${row.title}` }} minWidth={480} modalProps={{ isBlocking: true }}>
          <ErrorBar error={action.error} />
          <Stack tokens={{ childrenGap: 8 }}>
            <TextField label={strings.Wish.contactPerson} required value={person} onChange={(_, v) => setPerson(v ?? "")} errorMessage={problemText({ required: common.FieldProblems.required }, action.problems, "contactPerson", common.FieldProblems.required)} />
            <TextField label={strings.Wish.comment} multiline rows={2} value={comment} onChange={(_, v) => setComment(v ?? "")} />
          </Stack>
          <DialogFooter>
            <PrimaryButton text={strings.Wish.save} disabled={action.busy} onClick={async () => { if (await action.run(() => onWish(person, comment))) setOpen(false); }} />
            <DefaultButton text={strings.Wish.cancel} onClick={() => setOpen(false)} />
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
}
