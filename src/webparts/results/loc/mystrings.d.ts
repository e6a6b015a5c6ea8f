declare interface IResultsWebPartStrings {
  Title: string;
  SummaryLabel: string;
  Summary: { initiatives: string; departments: string; partners: string; published: string };
  ByDepartmentHeading: string;
  ByPartnerHeading: string;
  ByItemHeading: string;
  FiveYearsHeading: string;
  Columns: { department: string; partner: string; count: string; item: string; no: string; title: string; content: string; status: string; fiscalYear: string };
  DrillDown: string;
  DrillDownOf: string;
  ChartLabel: string;
  /** 該当なし: departments that handed in the year's Form 4 with nothing to report. */
  NothingToReport: { heading: string; intro: string; submittedOn: string; withdraw: string; confirmWithdraw: string; withdrawn: string; inPublish: string };
  Publish: { heading: string; publish: string; confirm: string; done: string; excel: string; csv: string; html: string; unfinished: string; finish: string; missing: string; notEnded: string; nothing: string; cancel: string };
}
declare module "ResultsWebPartStrings" {
  const strings: IResultsWebPartStrings;
  export = strings;
}
