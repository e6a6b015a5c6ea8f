declare interface IResultsWebPartStrings {
  Title: string;
  SummaryLabel: string;
  Summary: { initiatives: string; departments: string; partners: string; published: string };
  ByDepartmentHeading: string;
  ByPartnerHeading: string;
  Columns: { department: string; partner: string; count: string };
}
declare module "ResultsWebPartStrings" {
  const strings: IResultsWebPartStrings;
  export = strings;
}
