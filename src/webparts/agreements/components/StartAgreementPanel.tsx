import * as React from "react";
import { Checkbox, ChoiceGroup, DefaultButton, Dropdown, Panel, PanelType, PrimaryButton, Stack, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import type { AgreementService } from "../../../data/services/AgreementService";
import type { Department, Partner } from "../../../domain/types";
import type { TermRules } from "../../../domain/terms";
import { fieldError } from "./problems";
import { useAction } from "../../../components/hooks/useAction";
import { byReading } from "../../../domain/partners";

export interface IStartAgreementPanelProps {
  partners: Partner[];
  departments: Department[];
  service: AgreementService;
  /** The site's default terms, copied into the new agreement. */
  defaultTerms: TermRules;
  today: string;
  onClose: () => void;
  onCreated: (id: number) => void;
}

/** Starting an agreement either way the guideline allows: the city's wish, or a partner's approach (打診). */
export function StartAgreementPanel({ partners, departments, service, defaultTerms, today, onClose, onCreated }: IStartAgreementPanelProps): JSX.Element {
  const [origin, setOrigin] = React.useState<"city" | "partner">("partner");
  const [partnerId, setPartnerId] = React.useState<number | null>(null);
  const [title, setTitle] = React.useState("");
  const [deptId, setDeptId] = React.useState<number | null>(null);
  const [executives, setExecutives] = React.useState(false);
  const [approachDate, setApproachDate] = React.useState(today);
  const [content, setContent] = React.useState("");
  const [items, setItems] = React.useState("");
  const action = useAction();

  const create = async (): Promise<void> => {
    let id = 0;
    const ok = await action.run(async () => {
      const a = await service.start(
        { title, origin, partnerId, requestedByDepartmentId: deptId, requestedByExecutives: executives, approachDate: approachDate || null, proposedContent: content },
        items.split(/\r?\n/),
        defaultTerms,
      );
      id = a.id;
    });
    if (ok) onCreated(id);
  };
  const lines = items.split(/\r?\n/).filter((l) => l.trim());
  return (
    <Panel isOpen type={PanelType.medium} headerText={strings.Start.heading} onDismiss={onClose} closeButtonAriaLabel={common.Close} isFooterAtBottom
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={strings.Start.create} onClick={create} disabled={action.busy} />
          <DefaultButton text={strings.Actions.cancel} onClick={onClose} />
        </Stack>
      )}
    >
      <ErrorBar error={action.error} />
      <Stack tokens={{ childrenGap: 10 }}>
        <ChoiceGroup
          label={strings.Start.origin}
          selectedKey={origin}
          options={[
            { key: "partner", text: strings.Start.originPartner },
            { key: "city", text: strings.Start.originCity },
          ]}
          onChange={(_, o) => o && setOrigin(o.key as "city" | "partner")}
        />
        <Dropdown
          label={strings.Start.partner}
          required
          selectedKey={partnerId ?? undefined}
          options={[...partners].sort(byReading).map((p) => ({ key: p.id, text: p.name }))}
          onChange={(_, o) => o && setPartnerId(Number(o.key))}
          errorMessage={fieldError(action.problems, "partner")}
        />
        <TextField label={strings.Start.title} required placeholder={strings.Start.titleHint} value={title} onChange={(_, v) => setTitle(v ?? "")} errorMessage={fieldError(action.problems, "title")} />
        {origin === "city" ? (
          <>
            <Dropdown
              label={strings.Start.requestedByDepartment}
              selectedKey={deptId ?? undefined}
              options={departments.map((d) => ({ key: d.id, text: d.title }))}
              onChange={(_, o) => o && setDeptId(Number(o.key))}
              errorMessage={fieldError(action.problems, "requestedBy")}
            />
            <Checkbox label={strings.Start.requestedByExecutives} checked={executives} onChange={(_, c) => setExecutives(!!c)} />
          </>
        ) : (
          <>
            <TextField label={strings.Start.approachDate} type="date" required value={approachDate} onChange={(_, v) => setApproachDate(v ?? "")} errorMessage={fieldError(action.problems, "approachDate")} />
            <TextField label={strings.Start.proposedContent} required multiline rows={4} value={content} onChange={(_, v) => setContent(v ?? "")} errorMessage={fieldError(action.problems, "proposedContent")} />
          </>
        )}
        <TextField label={strings.Start.items} required multiline rows={5} placeholder={strings.Start.itemsHint} value={items} onChange={(_, v) => setItems(v ?? "")} errorMessage={fieldError(action.problems, "items")} />
        {lines.length > 0 && (
          <ol style={{ margin: 0, paddingLeft: 0, listStyle: "none" }} aria-label={strings.Detail.items}>
            {lines.map((l, i) => (
              <li key={i}>
                {fmt(strings.Detail.itemNo, i + 1)}{"\u3000"}{l.trim()}
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Panel>
  );
}
