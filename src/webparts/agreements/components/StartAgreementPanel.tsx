import * as React from "react";
import { Checkbox, ChoiceGroup, ComboBox, DefaultButton, Dropdown, IComboBox, IComboBoxOption, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Stack, TextField } from "@fluentui/react";
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
import { matchesSearch } from "../../../domain/text";
import { PartnerPanel } from "./PartnerPanel";
import { CoPartnersChoice } from "./CoPartnersChoice";

export interface IStartAgreementPanelProps {
  partners: Partner[];
  departments: Department[];
  service: AgreementService;
  /** The site's default terms, copied into the new agreement. */
  defaultTerms: TermRules;
  today: string;
  onClose: () => void;
  onCreated: (id: number) => void;
  /** A partner registered from inside the panel (「新しい企業等を登録」), for the caller to read the partners again. */
  onPartnerAdded?: (p: Partner) => void;
}

/** Starting an agreement either way the guideline allows: the city's wish, or a partner's approach (打診). */
export function StartAgreementPanel({ partners, departments, service, defaultTerms, today, onClose, onCreated, onPartnerAdded }: IStartAgreementPanelProps): JSX.Element {
  const [origin, setOrigin] = React.useState<"city" | "partner">("partner");
  const [partnerId, setPartnerId] = React.useState<number | null>(null);
  const [coPartnerIds, setCoPartnerIds] = React.useState<number[]>([]);
  const [title, setTitle] = React.useState("");
  const [deptId, setDeptId] = React.useState<number | null>(null);
  const [executives, setExecutives] = React.useState(false);
  const [approachDate, setApproachDate] = React.useState(today);
  const [content, setContent] = React.useState("");
  const [items, setItems] = React.useState("");
  // Partners registered here, until the caller's list has them too.
  const [added, setAdded] = React.useState<Partner[]>([]);
  const [registering, setRegistering] = React.useState(false);
  const [justAdded, setJustAdded] = React.useState<Partner | null>(null);
  const action = useAction();
  const choices = React.useMemo(() => {
    const byId = new Map(partners.map((p) => [p.id, p]));
    for (const p of added) if (!byId.has(p.id)) byId.set(p.id, p);
    return [...byId.values()].sort(byReading);
  }, [partners, added]);

  const create = async (): Promise<void> => {
    let id = 0;
    const ok = await action.run(async () => {
      const a = await service.start(
        { title, origin, partnerId, coPartnerIds: coPartnerIds.filter((id) => id !== partnerId), requestedByDepartmentId: deptId, requestedByExecutives: executives, approachDate: approachDate || null, proposedContent: content },
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
        <Stack horizontal verticalAlign="start" tokens={{ childrenGap: 8 }}>
          <Stack.Item grow>
            <PartnerChoice partners={choices} selectedId={partnerId} onChange={(id) => { setPartnerId(id); setJustAdded(null); }} errorMessage={fieldError(action.problems, "partner")} />
          </Stack.Item>
          <DefaultButton text={strings.Start.newPartner} iconProps={{ iconName: "AddFriend" }} onClick={() => setRegistering(true)} styles={{ root: { marginTop: 29, flexShrink: 0 } }} />
        </Stack>
        <CoPartnersChoice partners={choices} partnerId={partnerId} selectedIds={coPartnerIds} onChange={setCoPartnerIds} />
        {justAdded && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setJustAdded(null)} dismissButtonAriaLabel={common.Close}>
            {fmt(strings.Start.partnerAdded, justAdded.name)}
          </MessageBar>
        )}
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
      {registering && (
        <PartnerPanel
          service={service}
          addHeading={strings.Start.newPartner}
          intro={strings.Start.newPartnerIntro}
          onClose={() => setRegistering(false)}
          onSaved={(p) => {
            // Selected at once; everything else typed in this panel stays as it was.
            setAdded((a) => [...a, p]);
            setPartnerId(p.id);
            setJustAdded(p);
            setRegistering(false);
            onPartnerAdded?.(p);
          }}
        />
      )}
    </Panel>
  );
}

/**
 * The partner choice: a combo box that narrows the list (in reading order) as one types a
 * part of the name or of the フリガナ, in either kana (「むさしの」 finds 武蔵野ガス).
 */
function PartnerChoice({ partners, selectedId, onChange, errorMessage }: { partners: Partner[]; selectedId: number | null; onChange: (id: number) => void; errorMessage?: string }): JSX.Element {
  const box = React.useRef<IComboBox>(null);
  // What is typed, while typing (null: showing the chosen partner and the whole list).
  const [query, setQuery] = React.useState<string | null>(null);
  // Options that do not match are hidden rather than left out, so the chosen one still shows its name.
  // `data` is a new object each time: Fluent memoizes an option on its other props, `hidden` not among them.
  const options: IComboBoxOption[] = partners.map((p) => {
    const hidden = query !== null && !matchesSearch([p.name, p.kana], query);
    return { key: p.id, text: p.name, ariaLabel: p.kana ? `${p.name}（${p.kana}）` : undefined, hidden, data: { kana: p.kana, hidden } };
  });
  const none = query !== null && options.every((o) => o.hidden);
  return (
    <ComboBox
      componentRef={box}
      label={strings.Start.partner}
      required
      allowFreeform
      autoComplete="off"
      placeholder={strings.Start.partnerPlaceholder}
      selectedKey={selectedId}
      options={options}
      // A click in the text opens the list too, as in a dropdown (the caret toggles it by itself; clicks on options bubble here and are left alone).
      onClick={(e) => (e.target as HTMLElement).tagName === "INPUT" && box.current?.focus(true)}
      onInputValueChange={(text) => {
        setQuery(text);
        // Pasted or entered through an IME (no key presses reach the box): the list opens all the same.
        if (text) box.current?.focus(true);
      }}
      onChange={(_, o) => {
        if (o) onChange(Number(o.key));
        setQuery(null);
      }}
      onMenuDismissed={() => setQuery(null)}
      onRenderOption={(o) => (
        <span>
          {o?.text}
          {(o?.data as { kana?: string } | undefined)?.kana && <span style={{ display: "block", fontSize: 12, color: "#605e5c" }}>{(o!.data as { kana: string }).kana}</span>}
        </span>
      )}
      onRenderLowerContent={() => (none ? <p role="status" style={{ margin: 8, color: "#605e5c" }}>{strings.Start.partnerNoMatch}</p> : null)}
      comboBoxOptionStyles={{ root: { padding: "4px 8px" } }}
      useComboBoxAsMenuWidth
      errorMessage={errorMessage}
    />
  );
}
