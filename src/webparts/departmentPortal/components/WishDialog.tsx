import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Stack, TextField } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useAction } from "../../../components/hooks/useAction";
import { problemText } from "../../../components/problems";
import type { ImplementationWish, Matching } from "../../../domain/types";

export interface IWishDialogProps {
  row: Matching;
  wish: ImplementationWish | undefined;
  onWish: (person: string, comment: string) => Promise<void>;
  onClose: () => void;
}

/** 実施希望を登録: the contact person and a comment for one feedback row (its own chunk, opened from WishCell). */
export function WishDialog({ row, wish, onWish, onClose }: IWishDialogProps): JSX.Element {
  const [person, setPerson] = React.useState(wish?.contactPerson ?? "");
  const [comment, setComment] = React.useState(wish?.comment ?? "");
  const action = useAction();
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Wish.heading, subText: `NO.${row.rowNo} ${row.title}` }} minWidth={480} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} />
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={strings.Wish.contactPerson} required value={person} onChange={(_, v) => setPerson(v ?? "")} errorMessage={problemText({ required: common.FieldProblems.required }, action.problems, "contactPerson", common.FieldProblems.required)} />
        <TextField label={strings.Wish.comment} multiline rows={2} value={comment} onChange={(_, v) => setComment(v ?? "")} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.Wish.save} disabled={action.busy} onClick={async () => { if (await action.run(() => onWish(person, comment))) onClose(); }} />
        <DefaultButton text={strings.Wish.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}
