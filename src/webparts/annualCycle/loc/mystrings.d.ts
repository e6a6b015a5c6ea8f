declare interface IAnnualCycleWebPartStrings {
  Title: string;
  SummaryLabel: string;
  Summary: { calls: string; partnerProposals: string; cityProposals: string; answered: string; matchings: string };
  CallsHeading: string;
  Columns: { form: string; title: string; deadline: string; status: string; recipients: string };
  CallStatus: { open: string; closed: string };
  AnswersHeading: string;
}
declare module "AnnualCycleWebPartStrings" {
  const strings: IAnnualCycleWebPartStrings;
  export = strings;
}
