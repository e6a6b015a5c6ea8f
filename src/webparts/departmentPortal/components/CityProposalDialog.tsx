import { ConfirmDialog } from "../../../components/ConfirmDialog";
import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, PrimaryButton, Spinner, Stack, TextField } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import { problemText } from "../../../components/problems";
import { changedFields, ConflictNotice, isConflict } from "../../../components/Conflict/ConflictNotice";
import type { CycleService } from "../../../data/services/CycleService";
import { departmentCanEdit } from "../../../domain/calls";
import type { CityProposal, Department, ProposalViewpoint } from "../../../domain/types";

const viewpoints: ProposalViewpoint[] = ["comprehensivePlan", "administrativeEvaluation", "other"];

/** A department's Form 2 (別紙②): add or edit its own proposal, while the call allows. */
export function CityProposalDialog({ service, fiscalYear, department, existing, today, onClose, onSaved }: { service: CycleService; fiscalYear: number; department: Department; existing?: CityProposal; today: string; onClose: () => void; onSaved: (status: "draft" | "submitted") => void }): JSX.Element {
  const load = useLoad(() => service.year(fiscalYear), [service, fiscalYear]);
  const [partnerId, setPartnerId] = React.useState<number | null>(existing?.partner?.id ?? null);
  const [itemId, setItemId] = React.useState<number | null>(existing?.partnershipItem?.id ?? null);
  const [title, setTitle] = React.useState(existing?.title ?? "");
  const [content, setContent] = React.useState(existing?.content ?? "");
  const [viewpoint, setViewpoint] = React.useState<ProposalViewpoint>(existing?.viewpoint ?? "comprehensivePlan");
  const [answersId, setAnswersId] = React.useState<number | null>(existing?.answersProposal?.id ?? null);
  const action = useAction();
  const [confirming, setConfirming] = React.useState(false);
  const year = load.data;
  // The row as SharePoint has it now (after a reload its fresh ETag), whatever the user typed.
  const current = existing ? (year?.cityProposals.find((p) => p.id === existing.id) ?? existing) : undefined;
  const [reloaded, setReloaded] = React.useState(false);
  const changed =
    reloaded && existing && current
      ? changedFields([
          { label: strings.Form2.title, before: existing.title, after: current.title },
          { label: strings.Form2.content, before: existing.content, after: current.content },
          { label: strings.Form2.partner, before: existing.partner?.id, after: current.partner?.id },
          { label: strings.Form2.item, before: existing.partnershipItem?.id, after: current.partnershipItem?.id },
          { label: strings.Form2.viewpoint, before: existing.viewpoint, after: current.viewpoint },
        ])
      : null;
  const call = year?.calls.find((c) => c.form === "form2" && c.status === "open") ?? year?.calls.find((c) => c.form === "form2");
  const editable = !current || departmentCanEdit(current, current.call ? (year?.calls.find((c) => c.id === current.call!.id) ?? null) : null, today);
  const err = (f: string): string | undefined => problemText({ required: common.FieldProblems.required, itemNotInAgreement: common.FieldProblems.invalidChoice, noAgreement: common.FieldProblems.invalidChoice, tooLong: common.FieldProblems.tooLong }, action.problems, f, common.FieldProblems.invalidChoice);
  const save = async (status: "draft" | "submitted"): Promise<void> => {
    if (!year) return;
    const partner = year.partners.find((p) => p.id === partnerId);
    const ok = await action.run(async () =>
      void (await service.saveCityProposal(
        {
          title,
          content,
          viewpoint,
          status,
          fiscalYear,
          department: { id: department.id, title: department.title },
          partner: partner ? { id: partner.id, title: partner.name } : null,
          partnershipItem: itemId ? { id: itemId, title: "" } : null,
          answersProposal: answersId ? { id: answersId, title: "" } : null,
          sourceId: current?.sourceId ?? null,
          // A row keeps the call it was made under (a proposal made outside any call stays so); a new one goes to the year's call.
          call: current ? current.call : call ? { id: call.id, title: call.title } : null,
        },
        year,
        current,
      )),
    );
    if (ok) onSaved(status);
  };
  const items = partnerId && year ? (year.itemsOfPartner.get(partnerId) ?? []) : [];
  const partnerProposals = year ? year.partnerProposals.filter((p) => p.partner?.id === partnerId) : [];
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Form2.heading, subText: department.title }} minWidth={600} modalProps={{ isBlocking: true }}>
      {!year && <Spinner label={common.Loading} />}
      <ErrorBar
        error={load.error ?? action.error}
        reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined}
        onReload={() => {
          // Reload the row (fresh ETag) and keep every field as typed.
          if (isConflict(action.error)) setReloaded(true);
          action.clear();
          load.reload();
        }}
      />
      <ConflictNotice changed={changed} />
      {year && (
        <Stack tokens={{ childrenGap: 8 }}>
          {!editable && <MessageBar>{strings.Form2.readOnly}</MessageBar>}
          <Dropdown label={strings.Form2.partner} required disabled={!editable} selectedKey={partnerId ?? undefined} options={year.partners.filter((p) => year.itemsOfPartner.has(p.id)).map((p) => ({ key: p.id, text: p.name }))} onChange={(_, o) => { if (o) { setPartnerId(Number(o.key)); setItemId(null); setAnswersId(null); } }} errorMessage={err("partner")} />
          <Dropdown label={strings.Form2.item} required disabled={!editable || !partnerId} selectedKey={itemId ?? undefined} options={items.map((i) => ({ key: i.id, text: `${fmt(common.ItemNo, i.itemNo)} ${i.text}` }))} onChange={(_, o) => o && setItemId(Number(o.key))} errorMessage={err("partnershipItem")} />
          <TextField label={strings.Form2.title} required readOnly={!editable} value={title} onChange={(_, v) => setTitle(v ?? "")} errorMessage={err("title")} />
          <TextField label={strings.Form2.content} required readOnly={!editable} multiline rows={4} value={content} onChange={(_, v) => setContent(v ?? "")} errorMessage={err("content")} />
          <Dropdown label={strings.Form2.viewpoint} disabled={!editable} selectedKey={viewpoint} options={viewpoints.map((v) => ({ key: v, text: strings.Form2.viewpoints[v] }))} onChange={(_, o) => o && setViewpoint(o.key as ProposalViewpoint)} />
          <Dropdown label={strings.Form2.answers} disabled={!editable || !partnerId} selectedKey={answersId ?? "none"} options={[{ key: "none", text: strings.Form2.none }, ...partnerProposals.map((p) => ({ key: p.id, text: p.title }))]} onChange={(_, o) => o && setAnswersId(o.key === "none" ? null : Number(o.key))} />
        </Stack>
      )}
      {confirming && (
        <ConfirmDialog
          title={strings.Form2.submit}
          text={strings.Form2.confirmSubmit}
          confirm={strings.Form2.submit}
          busy={action.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void save("submitted");
          }}
        />
      )}
      <DialogFooter>
        {editable && <DefaultButton text={strings.Form2.saveDraft} onClick={() => void save("draft")} disabled={action.busy || !year} />}
        {editable && <PrimaryButton text={strings.Form2.submit} onClick={() => setConfirming(true)} disabled={action.busy || !year} />}
        <DefaultButton text={strings.Form2.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}
