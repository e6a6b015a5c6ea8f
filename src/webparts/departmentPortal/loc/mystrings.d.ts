declare interface IDepartmentPortalWebPartStrings {
  Title: string;
  PropertyPaneDescription: string;
  DepartmentCodeLabel: string;
  DepartmentCodeDescription: string;
  NoDepartment: string;
  SummaryLabel: string;
  Summary: { proposals: string; surveys: string; feedback: string };
  FeedbackHeading: string;
  ProposalsHeading: string;
  SurveysHeading: string;
  Columns: { no: string; title: string; content: string; partner: string; answer: string; agreement: string; item: string };
  ForAll: string;
  SurveyForm: { intro: string; deadline: string; feasible: string; ideas: string; comment: string; submit: string; thanks: string; proposed: string };
}
declare module "DepartmentPortalWebPartStrings" {
  const strings: IDepartmentPortalWebPartStrings;
  export = strings;
}
