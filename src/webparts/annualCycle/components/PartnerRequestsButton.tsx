import * as React from "react";
import { DefaultButton } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import { lazyNamed } from "../../../components/Deferred";
import type { YearData } from "../../../data/services/CycleService";
import type { RequestContactService } from "../../../data/services/RequestContactService";
import type { Call } from "../../../domain/types";

// 企業等への依頼一式: a chunk of its own, fetched when the coordinator opens it.
const PartnerRequestsDialog = lazyNamed(() => import(/* webpackChunkName: "pd-cycle-partner-requests" */ "./PartnerRequestsDialog").then((m) => m.PartnerRequestsDialog));

export interface IPartnerRequestsButtonProps {
  /** The year's Form 1 or Form 2 call; nothing is shown without one (or for a Form 4 call). */
  call: Call | undefined;
  year: YearData;
  /** Not yet loaded: nothing is shown. */
  requestContact: RequestContactService | undefined;
  today: string;
}

/** 「企業等への依頼一式」: all partners' workbooks, mail drafts and the letter for a call, from its board or the form's tab. */
export function PartnerRequestsButton({ call, year, requestContact, today }: IPartnerRequestsButtonProps): JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  if (!call || !requestContact || (call.form !== "form1" && call.form !== "form2")) return null;
  const form = call.form;
  return (
    <>
      <DefaultButton iconProps={{ iconName: "Mail" }} text={strings.PartnerRequests.open} onClick={() => setOpen(true)} />
      {open && <PartnerRequestsDialog call={{ ...call, form }} year={year} contactService={requestContact} today={today} onClose={() => setOpen(false)} />}
    </>
  );
}
