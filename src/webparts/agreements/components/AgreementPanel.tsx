import * as React from "react";
import { CommandBar, DefaultButton, ICommandBarItemProps, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { DateText } from "../../../components/DateText";
import { fmt } from "../../../components/format";
import { useLoad } from "../../../components/hooks/useLoad";
import { isDataError } from "../../../data/contracts";
import type { AgreementService, AgreementStory } from "../../../data/services/AgreementService";
import type { Agreement, Department, Notification, Partner } from "../../../domain/types";
import { canRecordItems, isRecordingImportedItems, nextStatuses } from "../../../domain/agreementLifecycle";
import { ActionDialog, DialogKind } from "./ActionDialogs";
import { surveyNotice } from "./surveyNotice";
import type { NotificationService } from "../../../data/services/NotificationService";
import { Attachments, ReviewsSection, Section, SurveySection, Timeline } from "./StorySections";
import { fieldError } from "./problems";
import { useAction } from "../../../components/hooks/useAction";
import type { TermsService } from "../../../data/services/TermsService";
import type { SiteRules } from "../../../domain/siteRules";
import { TermsSection } from "./TermsSection";
import { ScreeningSection } from "./ScreeningSection";
import { moreActions } from "../../../components/moreActions";
import { agreementPartners, partnerNamesText } from "../../../domain/agreements";
import { CoPartnersChoice } from "./CoPartnersChoice";

export interface IAgreementPanelProps {
  agreementId: number;
  canEdit: boolean;
  departments: Department[];
  /** The registered partners, for choosing the other partners of an agreement signed with several. */
  partners?: Partner[];
  service: AgreementService;
  terms: TermsService;
  rules: SiteRules;
  today: string;
  notifications?: NotificationService;
  portalUrl?: string;
  onClose: () => void;
  onChanged: () => void;
}

type Basics = Pick<Agreement, "title" | "proposedContent" | "approachDate">;

/** One agreement's whole story: basics, items, briefing and survey, decision, reviews, files, history. */
export function AgreementPanel({ agreementId, canEdit, departments, partners, service, terms, rules, today, notifications, portalUrl, onClose, onChanged }: IAgreementPanelProps): JSX.Element {
  const load = useLoad(() => service.story(agreementId), [service, agreementId]);
  const [dialog, setDialog] = React.useState<DialogKind | null>(null);
  const story = load.data;
  const title = story?.agreement.title ?? "";
  return (
    <Panel isOpen type={PanelType.large} headerText={title} onDismiss={onClose} closeButtonAriaLabel={common.Close}>
      <ErrorBar error={load.error} onReload={load.reload} />
      {!story && load.loading && <Spinner label={common.Loading} />}
      {story && (
        <>
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 12 }}>
            <Text variant="large" style={{ fontWeight: 600 }}>
              {common.AgreementStatus[story.agreement.status]}
            </Text>
            <Text>{partnerNamesText(story.agreement)}</Text>
            {story.agreement.nextReviewDate && (
              <Text>
                {strings.Detail.nextReview}: <DateText date={story.agreement.nextReviewDate} />
              </Text>
            )}
          </Stack>
          {canEdit && <Actions story={story} onOpen={setDialog} />}
          <StoryBody story={story} canEdit={canEdit} departments={departments} partners={partners} service={service} terms={terms} rules={rules} today={today} notifications={notifications} portalUrl={portalUrl} reload={load.reload} onChanged={onChanged} />
          {dialog && (
            <ActionDialog
              kind={dialog}
              story={story}
              departments={departments}
              criteria={rules.criteria}
              service={service}
              today={today}
              notifications={notifications}
              portalUrl={portalUrl}
              onClose={() => setDialog(null)}
              onDone={() => {
                setDialog(null);
                load.reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </Panel>
  );
}

function Actions({ story, onOpen }: { story: AgreementStory; onOpen: (k: DialogKind) => void }): JSX.Element | null {
  const next = nextStatuses(story.agreement.status);
  const items: ICommandBarItemProps[] = [];
  if (next.includes("surveying") || story.agreement.status === "surveying") items.push({ key: "survey", text: strings.Actions.launchSurvey, iconProps: { iconName: "People" }, onClick: () => onOpen("survey") });
  if (next.includes("concluded") && story.agreement.status !== "underReview") items.push({ key: "conclude", text: strings.Actions.conclude, iconProps: { iconName: "Accept" }, onClick: () => onOpen("conclude") });
  if (next.includes("declined")) items.push({ key: "decline", text: strings.Actions.decline, iconProps: { iconName: "Blocked" }, onClick: () => onOpen("decline") });
  if (story.agreement.status === "concluded" || story.agreement.status === "underReview") items.push({ key: "review", text: strings.Actions.recordReview, iconProps: { iconName: "Sync" }, onClick: () => onOpen("review") });
  return items.length ? <CommandBar overflowButtonProps={moreActions} items={items} ariaLabel={strings.Detail.decision} /> : null;
}

type IStoryBodyProps = Omit<IAgreementPanelProps, "agreementId" | "onClose"> & { story: AgreementStory; reload: () => void };

function StoryBody({ story, canEdit, departments, partners, service, terms, rules, today, notifications, portalUrl, reload, onChanged }: IStoryBodyProps): JSX.Element {
  const a = story.agreement;
  const changed = (): void => {
    reload();
    onChanged();
  };
  const beforeDecision = a.status === "approached" || a.status === "preparing" || a.status === "surveying";
  const withPartners = agreementPartners(a);
  return (
    <>
      <Section title={strings.Detail.basics}>
        <BasicsEditor agreement={a} canEdit={canEdit} service={service} reload={reload} onChanged={onChanged} />
        <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "2px 12px" }}>
          <dt>{strings.CoPartners.partners}</dt>
          <dd style={{ margin: 0 }}>
            {withPartners.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {withPartners.map((p) => (
                  <li key={p.id}>{p.title}</li>
                ))}
              </ul>
            ) : (
              a.partner?.title
            )}
          </dd>
          <dt>{strings.Detail.origin}</dt>
          <dd style={{ margin: 0 }}>{a.origin === "partner" ? strings.Start.originPartner : a.origin === "unknown" ? strings.Start.originUnknown : strings.Start.originCity}</dd>
          {a.origin === "city" && (
            <>
              <dt>{strings.Detail.requestedBy}</dt>
              <dd style={{ margin: 0 }}>{[a.requestedByDepartment?.title, a.requestedByExecutives ? strings.Detail.executives : ""].filter(Boolean).join("・")}</dd>
            </>
          )}
          {a.concludedDate && (
            <>
              <dt>{strings.Detail.concludedOn}</dt>
              <dd style={{ margin: 0 }}><DateText date={a.concludedDate} /></dd>
              <dt>{strings.Detail.termStart}</dt>
              <dd style={{ margin: 0 }}><DateText date={a.termStart} /></dd>
            </>
          )}
          {a.status === "declined" && (
            <>
              <dt>{strings.Detail.declinedOn}</dt>
              <dd style={{ margin: 0 }}><DateText date={a.declinedDate} /></dd>
              <dt>{strings.Detail.declinedReason}</dt>
              <dd style={{ margin: 0, whiteSpace: "pre-wrap" }}>{a.declinedReason}</dd>
            </>
          )}
        </dl>
      </Section>
      {canEdit && partners && <CoPartnersEditor agreement={a} partners={partners} service={service} onSaved={changed} />}
      <Section title={strings.Detail.items}>
        <ItemsEditor story={story} canEdit={canEdit && canRecordItems(a, story.items.length)} service={service} reload={reload} />
      </Section>
      {(beforeDecision || a.screening) && (
        <Section title={strings.Screening.heading}>
          <ScreeningSection story={story} criteria={rules.criteria} canEdit={canEdit} service={terms} onChanged={changed} />
        </Section>
      )}
      <Section title={strings.Detail.survey}>
        <SurveySection story={story} departments={departments} today={today} />
        {canEdit && notifications && story.agreement.status === "surveying" && story.survey.some((r) => r.status === "requested") && <SurveyReminder story={story} departments={departments} service={service} notifications={notifications} portalUrl={portalUrl ?? ""} />}
      </Section>
      <Section title={strings.Terms.heading}>
        <TermsSection story={story} canEdit={canEdit} service={terms} bufferDays={rules.decisionBufferDays} today={today} onChanged={changed} />
      </Section>
      <Section title={strings.Detail.reviews}>
        <ReviewsSection story={story} />
      </Section>
      <Section title={strings.Detail.attachments}>
        <Attachments story={story} />
      </Section>
      <Section title={strings.Detail.timeline}>
        <Timeline story={story} />
      </Section>
    </>
  );
}

/** 未回答の部署に督促: a reminder to the departments that have not answered (once a day each). */
function SurveyReminder({ story, departments, service, notifications, portalUrl }: { story: AgreementStory; departments: Department[]; service: AgreementService; notifications: NotificationService; portalUrl: string }): JSX.Element {
  const action = useAction();
  const [sent, setSent] = React.useState<Notification[] | null>(null);
  const ok = sent?.filter((n) => n.status === "sent").length ?? 0;
  const failed = sent?.filter((n) => n.status !== "sent") ?? [];
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      <ErrorBar error={action.error} />
      {sent && (
        <MessageBar messageBarType={failed.length ? MessageBarType.warning : MessageBarType.success} isMultiline role="status">
          {fmt(strings.SurveyNotice.reminded, ok)}
          {failed.length > 0 && <> {fmt(strings.SurveyNotice.notReached, failed.map((n) => n.department?.title ?? "").join("、"))}</>}
        </MessageBar>
      )}
      <DefaultButton text={strings.SurveyNotice.remind} disabled={action.busy} onClick={() => void action.run(async () => setSent(await service.notifySurvey(story.agreement, departments, notifications, surveyNotice(story.agreement, portalUrl), true)))} styles={{ root: { alignSelf: "flex-start" } }} />
    </Stack>
  );
}

/**
 * The other partners of an agreement signed with several (連名), set at any stage: a partner
 * may join at a revision. A stale version is refused as a conflict, with nothing written.
 */
function CoPartnersEditor({ agreement, partners, service, onSaved }: { agreement: Agreement; partners: Partner[]; service: AgreementService; onSaved: () => void }): JSX.Element {
  const current = (agreement.coPartners ?? []).map((p) => p.id);
  const [ids, setIds] = React.useState<number[] | null>(null);
  const [saved, setSaved] = React.useState(false);
  const action = useAction();
  const chosen = ids ?? current;
  const changed = ids !== null && (ids.length !== current.length || ids.some((id) => !current.includes(id)));
  return (
    <Stack tokens={{ childrenGap: 6 }} styles={{ root: { maxWidth: 560, marginBottom: 12 } }}>
      <ErrorBar error={action.error} onReload={onSaved} />
      {saved && !changed && <MessageBar messageBarType={MessageBarType.success} role="status">{strings.CoPartners.saved}</MessageBar>}
      <CoPartnersChoice partners={partners} partnerId={agreement.partner?.id ?? null} selectedIds={chosen} onChange={(x) => { setIds(x); setSaved(false); }} disabled={action.busy} />
      {changed && (
        <DefaultButton
          text={strings.CoPartners.save}
          disabled={action.busy}
          styles={{ root: { alignSelf: "flex-start" } }}
          onClick={() =>
            void action.run(async () => {
              await service.saveCoPartners(agreement, ids!);
              setIds(null);
              setSaved(true);
              onSaved();
            })
          }
        />
      )}
    </Stack>
  );
}

/**
 * The editable basics. What the user typed lives in `edits`, apart from the loaded
 * agreement, so that after a conflict "reload" brings the latest version and the
 * user's input stays on top of it, ready to save again.
 */
function BasicsEditor({ agreement, canEdit, service, reload, onChanged }: { agreement: Agreement; canEdit: boolean; service: AgreementService; reload: () => void; onChanged: () => void }): JSX.Element | null {
  const [edits, setEdits] = React.useState<Partial<Basics>>({});
  const [saved, setSaved] = React.useState(false);
  // After "reload and keep", saving waits for the fresh version (its ETag), or it would only conflict again.
  const [staleEtag, setStaleEtag] = React.useState<string | null>(null);
  const action = useAction();
  if (!canEdit) return null;
  const reloading = staleEtag !== null && staleEtag === agreement.etag;
  const value = <K extends keyof Basics>(k: K): Basics[K] => (k in edits ? (edits[k] as Basics[K]) : agreement[k]);
  const set = <K extends keyof Basics>(k: K, v: Basics[K]): void => {
    setSaved(false);
    setEdits((e) => ({ ...e, [k]: v }));
  };
  const save = async (): Promise<void> => {
    if (await action.run(async () => void (await service.saveBasics(agreement, edits)))) {
      setEdits({});
      setSaved(true);
      reload();
      onChanged();
    }
  };
  const conflict = isDataError(action.error) && action.error.kind === "conflict";
  return (
    <Stack tokens={{ childrenGap: 8 }} style={{ marginBottom: 8 }}>
      <ErrorBar
        error={action.error}
        reloadLabel={conflict ? strings.Detail.reloadKeep : undefined}
        onReload={() => {
          action.clear();
          setStaleEtag(agreement.etag);
          reload();
        }}
      />
      {saved && <MessageBar messageBarType={MessageBarType.success}>{strings.Detail.saved}</MessageBar>}
      <TextField label={strings.Start.title} value={value("title")} onChange={(_, v) => set("title", v ?? "")} errorMessage={fieldError(action.problems, "title")} />
      {agreement.origin === "partner" && (
        <>
          <TextField label={strings.Detail.approachDate} type="date" value={value("approachDate") ?? ""} onChange={(_, v) => set("approachDate", v || null)} />
          <TextField label={strings.Detail.proposedContent} multiline rows={3} value={value("proposedContent")} onChange={(_, v) => set("proposedContent", v ?? "")} />
        </>
      )}
      <div>
        <PrimaryButton text={strings.Detail.save} onClick={save} disabled={action.busy || reloading || Object.keys(edits).length === 0} />
      </div>
    </Stack>
  );
}

function ItemsEditor({ story, canEdit, service, reload }: { story: AgreementStory; canEdit: boolean; service: AgreementService; reload: () => void }): JSX.Element {
  const [text, setText] = React.useState(story.items.map((i) => i.text).join("\n"));
  const action = useAction();
  React.useEffect(() => setText(story.items.map((i) => i.text).join("\n")), [story.items]);
  if (!canEdit) {
    return (
      <>
        <ol style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {story.items.map((i) => (
            <li key={i.id}>{fmt(strings.Detail.itemNo, i.itemNo)}{"\u3000"}{i.text}</li>
          ))}
        </ol>
        {story.agreement.status === "concluded" && <Text variant="small">{strings.Detail.itemsLocked}</Text>}
      </>
    );
  }
  const save = async (): Promise<void> => {
    if (await action.run(() => service.saveItems(story.agreement, story.items, text.split(/\r?\n/)))) reload();
  };
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      <ErrorBar error={action.error} onReload={reload} />
      {isRecordingImportedItems(story.agreement, story.items.length) && <Text variant="small">{strings.Detail.itemsFromRegister}</Text>}
      <TextField label={strings.Start.items} multiline rows={Math.max(3, story.items.length + 1)} value={text} onChange={(_, v) => setText(v ?? "")} errorMessage={fieldError(action.problems, "items")} />
      <div>
        <PrimaryButton text={strings.Detail.editItems} onClick={save} disabled={action.busy} />
      </div>
    </Stack>
  );
}
