declare interface IAgreementsWebPartStrings {
  Title: string;
  Description: string;
  PropertyPaneDescription: string;
  FilterStatus: string;
  SearchPlaceholder: string;
  Columns: { title: string; partner: string; status: string; concluded: string; nextReview: string; items: string };
  Summary: { total: string; concluded: string; inProgress: string; reviewsDue: string };
  SummaryLabel: string;
  ReadOnlyNotice: string;
}

declare module "AgreementsWebPartStrings" {
  const strings: IAgreementsWebPartStrings;
  export = strings;
}
