import * as React from "react";
import { CommandBar, DefaultButton, DetailsList, Dropdown, IColumn, Link, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, SelectionMode, Stack, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import type { AgreementService } from "../../../data/services/AgreementService";
import type { Draft, Partner, PartnerKind } from "../../../domain/types";
import { fieldError } from "./problems";
import { useAction } from "../../../components/hooks/useAction";
import { byReading } from "../../../domain/partners";
import { moreActions } from "../../../components/moreActions";

const kinds: PartnerKind[] = ["company", "university", "financialInstitution", "association", "other"];
const empty: Draft<Partner> = { name: "", kana: "", kind: "company", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" };
const textFields: Array<keyof Omit<Draft<Partner>, "kind">> = ["name", "kana", "address", "contactName", "contactEmail", "contactPhone", "website"];

/** Partners (企業等): the list, and a form to add or edit one. Coordinators only may edit. */
export function PartnersView({ partners, canEdit, service, onChanged }: { partners: Partner[]; canEdit: boolean; service: AgreementService; onChanged: () => void }): JSX.Element {
  const [editing, setEditing] = React.useState<Partner | "new" | null>(null);
  const [saved, setSaved] = React.useState(false);
  const columns: IColumn[] = [
    { key: "name", name: strings.Partners.fields.name, minWidth: 200, isMultiline: true, onRender: (p: Partner) => (canEdit ? <Link onClick={() => setEditing(p)}>{p.name}</Link> : p.name) },
    { key: "kind", name: strings.Partners.fields.kind, minWidth: 90, onRender: (p: Partner) => strings.Partners.kinds[p.kind] },
    { key: "contact", name: strings.Partners.fields.contactName, minWidth: 110, onRender: (p: Partner) => p.contactName },
    { key: "mail", name: strings.Partners.fields.contactEmail, minWidth: 180, onRender: (p: Partner) => p.contactEmail },
    { key: "phone", name: strings.Partners.fields.contactPhone, minWidth: 110, onRender: (p: Partner) => p.contactPhone },
  ];
  return (
    <>
      {canEdit && <CommandBar overflowButtonProps={moreActions} items={[{ key: "add", text: strings.Partners.add, iconProps: { iconName: "Add" }, onClick: () => setEditing("new") }]} />}
      {saved && <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setSaved(false)}>{strings.Partners.saved}</MessageBar>}
      <DetailsList items={[...partners].sort(byReading)} columns={columns} selectionMode={SelectionMode.none} getKey={(p: Partner) => String(p.id)} ariaLabelForGrid={strings.Partners.heading} />
      {editing && (
        <PartnerPanel
          partner={editing === "new" ? undefined : editing}
          service={service}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function PartnerPanel({ partner, service, onClose, onSaved }: { partner?: Partner; service: AgreementService; onClose: () => void; onSaved: () => void }): JSX.Element {
  const [draft, setDraft] = React.useState<Draft<Partner>>(partner ? { ...empty, ...pick(partner) } : empty);
  const action = useAction();
  const set = (k: keyof Draft<Partner>, v: string): void => setDraft((d) => ({ ...d, [k]: v }));
  const save = async (): Promise<void> => {
    if (await action.run(async () => void (await service.savePartner(draft, partner)))) onSaved();
  };
  return (
    <Panel isOpen type={PanelType.medium} headerText={partner ? partner.name : strings.Partners.add} onDismiss={onClose} closeButtonAriaLabel={common.Close}
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={strings.Detail.save} onClick={save} disabled={action.busy} />
          <DefaultButton text={strings.Actions.cancel} onClick={onClose} />
        </Stack>
      )}
      isFooterAtBottom
    >
      <ErrorBar error={action.error} />
      <Stack tokens={{ childrenGap: 8 }}>
        {textFields.map((k) => (
          <TextField key={k} label={strings.Partners.fields[k]} value={draft[k]} required={k === "name"} onChange={(_, v) => set(k, v ?? "")} errorMessage={fieldError(action.problems, k)} />
        ))}
        <Dropdown label={strings.Partners.fields.kind} selectedKey={draft.kind} options={kinds.map((k) => ({ key: k, text: strings.Partners.kinds[k] }))} onChange={(_, o) => o && set("kind", String(o.key))} />
      </Stack>
    </Panel>
  );
}

function pick(p: Partner): Draft<Partner> {
  return { name: p.name, kana: p.kana, kind: p.kind, address: p.address, contactName: p.contactName, contactEmail: p.contactEmail, contactPhone: p.contactPhone, website: p.website };
}
