import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, Label, Link, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { downloadFile } from "../../../components/files";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import { BreakableText } from "../../../components/BreakableText";
import type { YearData } from "../../../data/services/CycleService";
import type { RequestContactService } from "../../../data/services/RequestContactService";
import { isValidIsoDate } from "../../../domain/calendar";
import { byReading } from "../../../domain/partners";
import { ContactProblem, LetterInput, mailtoLink, RequestContact, requestLetter, shortMailBody, validateContact } from "../../../domain/partnerRequests";
import type { Call, CityProposal } from "../../../domain/types";

export interface IPartnerRequestsDialogProps {
  call: Call & { form: "form1" | "form2" };
  year: YearData;
  contactService: RequestContactService;
  today: string;
  onClose: () => void;
}

/** exceljs, the form layouts and the zip writer, loaded on first use with the "excel" chunk. */
async function loadPack(): Promise<{ build: typeof import("../../../export/partnerRequestPack").buildPartnerRequestPack; excel: import("../../../export/excel").ExcelModule }> {
  const [{ loadExcel }, pack] = await Promise.all([import(/* webpackChunkName: "excel" */ "../../../export/excel"), import(/* webpackChunkName: "excel" */ "../../../export/partnerRequestPack")]);
  return { build: pack.buildPartnerRequestPack, excel: await loadExcel() };
}

/** Copies text; the older selection route where the Clipboard API is refused (an http page, an iframe without permission). */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand("copy");
  }
}

/**
 * 企業等への依頼一式 (issue 33, point 4): for a Form 1 call, or to pass the departments'
 * Form 2 proposals on for an answer, every partner's workbook and a mail draft with it
 * attached in one zip, the request letter to copy, and a mailto per partner.
 */
export function PartnerRequestsDialog({ call, year, contactService, today, onClose }: IPartnerRequestsDialogProps): JSX.Element {
  const form = call.form;
  const coordinator = year.departments.find((d) => d.isCoordinator);
  const saved = useLoad(() => contactService.load(coordinator?.title ?? ""), [contactService, coordinator?.title]);
  const [contact, setContact] = React.useState<RequestContact | null>(null);
  const [deadline, setDeadline] = React.useState(form === "form1" && call.deadline && call.deadline >= today ? call.deadline : "");
  const [copied, setCopied] = React.useState<boolean | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [shown, setShown] = React.useState<ContactProblem[]>([]);
  const [deadlineMissing, setDeadlineMissing] = React.useState(false);
  const action = useAction();
  React.useEffect(() => {
    if (saved.data && !contact) setContact(saved.data.contact);
  }, [saved.data, contact]);

  const submitted = year.cityProposals.filter((p) => p.status === "submitted");
  const proposalsOf = (id: number): CityProposal[] => submitted.filter((p) => p.partner?.id === id);
  // Form 1: the partners the call went to; Form 2: the partners the departments proposed something to.
  const partners = year.partners
    .filter((p) => (form === "form1" ? call.recipientPartners.some((r) => r.id === p.id) : proposalsOf(p.id).length > 0))
    .sort(byReading);
  const itemTitle = (p: CityProposal): string => {
    const i = year.items.find((x) => x.id === p.partnershipItem?.id);
    return i ? `${fmt(common.ItemNo, i.itemNo)} ${i.text}` : "";
  };
  const letterDeadline = isValidIsoDate(deadline) ? deadline : null;
  const input = (partner: LetterInput["partner"], proposalCount?: number): LetterInput | null =>
    contact && letterDeadline ? { form, fiscalYear: call.fiscalYear, deadline: letterDeadline, date: today, contact, partner, proposalCount } : null;
  const template = input(null);
  const letter = template ? requestLetter(template).body : "";
  // Whether some partner's letter is too long for a mailto link (said once above the list).
  const shortened = partners.some((p) => {
    const li = input({ name: p.name, kind: p.kind, contactName: p.contactName }, form === "form2" ? proposalsOf(p.id).length : undefined);
    const link = li ? mailtoLink(p.contactEmail, requestLetter(li), shortMailBody(li)) : null;
    return link !== null && !link.fits;
  });
  const problemOf = (field: keyof RequestContact): string | undefined => {
    const p = shown.find((x) => x.field === field);
    return p ? strings.PartnerRequests.problems[p.code] : undefined;
  };
  const set = (k: keyof RequestContact) => (_: unknown, v?: string): void => {
    if (contact) setContact({ ...contact, [k]: v ?? "" });
    setShown([]);
  };

  const download = async (): Promise<void> => {
    if (!contact || !saved.data) return;
    const problems = validateContact(contact);
    setShown(problems);
    setDeadlineMissing(!letterDeadline);
    if (problems.length || !letterDeadline) return;
    setDone(null);
    await action.run(async () => {
      await contactService.save(contact, saved.data!.settings);
      const { build, excel } = await loadPack();
      const pack = await build(excel, {
        form,
        fiscalYear: call.fiscalYear,
        deadline: letterDeadline,
        today,
        contact,
        partners: partners.map((p) => ({ partner: p, items: year.itemsOfPartner.get(p.id) ?? [], proposals: proposalsOf(p.id) })),
        itemTitle,
      });
      downloadFile(pack.zip.slice().buffer as ArrayBuffer, pack.fileName, "application/zip");
      setDone(fmt(strings.PartnerRequests.downloaded, pack.fileName, partners.length));
      saved.reload();
    });
  };

  const field = (k: keyof RequestContact, label: string, type?: string): JSX.Element => (
    <TextField label={label} value={contact?.[k] ?? ""} type={type} onChange={set(k)} errorMessage={problemOf(k)} required={k === "sender"} styles={{ root: { minWidth: 0 } }} />
  );
  return (
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{ type: DialogType.largeHeader, title: fmt(strings.PartnerRequests.heading, common.Forms[form]) }}
      minWidth="min(720px, calc(100vw - 32px))"
      maxWidth="calc(100vw - 32px)"
      // A blocking dialog's focus trap cancels every click outside it (FocusTrapZone's capture-phase
      // click handler calls preventDefault), which includes the download link that downloadFile
      // clicks on document.body: so clicks outside are let through. The overlay still covers the
      // page and a click on it does not close the dialog (isBlocking).
      modalProps={{ isBlocking: true, focusTrapZoneProps: { isClickableOutsideFocusTrap: true } }}
    >
      <Stack tokens={{ childrenGap: 10 }}>
        <Text>{strings.PartnerRequests.intro}</Text>
        <ErrorBar error={saved.error ?? action.error} />
        {done && <MessageBar messageBarType={MessageBarType.success} isMultiline role="status">{done}</MessageBar>}
        {!contact ? (
          <Spinner label={common.Loading} />
        ) : (
          <>
            <TextField label={strings.PartnerRequests.deadline} type="date" required value={deadline} min={today} onChange={(_, v) => { setDeadline(v ?? ""); setDeadlineMissing(false); }} errorMessage={deadlineMissing ? strings.PartnerRequests.needDeadline : undefined} styles={{ root: { maxWidth: 240 } }} />
            <Label>{strings.PartnerRequests.contactHeading}</Label>
            <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: "0 12px" }}>
              {field("sender", strings.PartnerRequests.sender)}
              {field("person", strings.PartnerRequests.person)}
              {field("phone", strings.PartnerRequests.phone, "tel")}
              {field("email", strings.PartnerRequests.email, "email")}
            </div>
            {letterDeadline && (
              <>
                <TextField label={strings.PartnerRequests.letter} multiline readOnly rows={8} value={letter} inputClassName="pd-request-letter" />
                <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                  <DefaultButton iconProps={{ iconName: "Copy" }} text={strings.PartnerRequests.copy} onClick={() => void copyText(letter, document.querySelector<HTMLTextAreaElement>("textarea.pd-request-letter")).then(setCopied)} />
                  <span role="status">{copied === true ? strings.PartnerRequests.copied : copied === false ? strings.PartnerRequests.copyFailed : ""}</span>
                </Stack>
              </>
            )}
            <Label>{strings.PartnerRequests.partners}</Label>
            {shortened && <Text variant="small">{strings.PartnerRequests.mailShort}</Text>}
            {partners.length === 0 ? (
              <Text>{form === "form1" ? strings.PartnerRequests.none : strings.PartnerRequests.noneForm2}</Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 180, overflowY: "auto" }} aria-label={strings.PartnerRequests.partners} tabIndex={0}>
                {partners.map((p) => {
                  const count = form === "form2" ? proposalsOf(p.id).length : undefined;
                  const li = input({ name: p.name, kind: p.kind, contactName: p.contactName }, count);
                  const link = li ? mailtoLink(p.contactEmail, requestLetter(li), shortMailBody(li)) : null;
                  return (
                    <li key={p.id} style={{ marginBottom: 4 }}>
                      <BreakableText text={p.name} />
                      {count !== undefined && <> （{fmt(strings.PartnerRequests.proposals, count)}）</>}
                      {" "}
                      {p.contactEmail.trim() ? <BreakableText text={p.contactEmail} /> : <Text variant="small">{strings.PartnerRequests.noAddress}</Text>}
                      {link && (
                        <>
                          {" "}
                          <Link href={link.href} aria-label={`${strings.PartnerRequests.mail}: ${p.name}`}>
                            {strings.PartnerRequests.mail}
                          </Link>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </Stack>
      <DialogFooter>
        <PrimaryButton text={fmt(strings.PartnerRequests.download, partners.length)} onClick={download} disabled={!contact || action.busy || partners.length === 0} />
        <DefaultButton text={common.Close} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}
