import * as React from "react";
import { DefaultButton, Dropdown, Panel, PanelType, PrimaryButton, Stack, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useAction } from "../../../components/hooks/useAction";
import type { AgreementService } from "../../../data/services/AgreementService";
import type { Draft, Partner, PartnerKind } from "../../../domain/types";
import { fieldError } from "./problems";

/** The kinds in the form's order (also the order the partners list sorts them in). */
export const partnerKinds: PartnerKind[] = ["company", "university", "school", "financialInstitution", "publicBody", "association", "other"];
const empty: Draft<Partner> = { name: "", kana: "", kind: "company", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" };
const textFields: Array<keyof Omit<Draft<Partner>, "kind">> = ["name", "kana", "address", "contactName", "contactEmail", "contactPhone", "website"];

export interface IPartnerPanelProps {
  /** The partner to edit; none to add one. */
  partner?: Partner;
  service: AgreementService;
  /** The panel's heading when adding (default 「企業等を追加」). */
  addHeading?: string;
  /** A line above the form saying where the partner goes once saved. */
  intro?: string;
  onClose: () => void;
  /** The partner as saved (with its id), e.g. to select it where the form was opened from. */
  onSaved: (saved: Partner) => void;
}

/**
 * The partner form (企業等), used from the partners list and from the start of an approach.
 * A refused save (a rule, or a name the list already holds) is shown at its field and the
 * input stays as typed.
 */
export function PartnerPanel({ partner, service, addHeading, intro, onClose, onSaved }: IPartnerPanelProps): JSX.Element {
  const [draft, setDraft] = React.useState<Draft<Partner>>(partner ? { ...empty, ...pick(partner) } : empty);
  const action = useAction();
  const set = (k: keyof Draft<Partner>, v: string): void => setDraft((d) => ({ ...d, [k]: v }));
  const save = async (): Promise<void> => {
    let saved: Partner | undefined;
    if (await action.run(async () => void (saved = await service.savePartner(draft, partner)))) onSaved(saved!);
  };
  return (
    <Panel isOpen type={PanelType.medium} headerText={partner ? partner.name : (addHeading ?? strings.Partners.add)} onDismiss={onClose} closeButtonAriaLabel={common.Close}
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={strings.Detail.save} onClick={save} disabled={action.busy} />
          <DefaultButton text={strings.Actions.cancel} onClick={onClose} />
        </Stack>
      )}
      isFooterAtBottom
    >
      {intro && <p style={{ margin: "0 0 8px", color: "#605e5c" }}>{intro}</p>}
      <ErrorBar error={action.error} />
      <Stack tokens={{ childrenGap: 8 }}>
        {textFields.map((k) => (
          <TextField key={k} label={strings.Partners.fields[k]} value={draft[k]} required={k === "name"} onChange={(_, v) => set(k, v ?? "")} errorMessage={fieldError(action.problems, k)} />
        ))}
        <Dropdown label={strings.Partners.fields.kind} selectedKey={draft.kind} options={partnerKinds.map((k) => ({ key: k, text: strings.Partners.kinds[k] }))} onChange={(_, o) => o && set("kind", String(o.key))} />
      </Stack>
    </Panel>
  );
}

function pick(p: Partner): Draft<Partner> {
  return { name: p.name, kana: p.kana, kind: p.kind, address: p.address, contactName: p.contactName, contactEmail: p.contactEmail, contactPhone: p.contactPhone, website: p.website };
}
