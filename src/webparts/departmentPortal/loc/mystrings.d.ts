declare interface IDepartmentPortalWebPartStrings {
  /** For a visitor (read-only access): what the page is for and where to look instead. */
  VisitorNote: string;
  Title: string;
  PropertyPaneDescription: string;
  DepartmentCodeLabel: string;
  DepartmentCodeDescription: string;
  NoDepartment: string;
  ChooseDepartment: string;
  SummaryLabel: string;
  Summary: { todo: string; proposals: string; surveys: string; feedback: string };
  /** 部署への依頼: the to-do list at the top of the portal. */
  Todo: {
    heading: string;
    nothing: string;
    deadline: string;
    briefing: string;
    view: string;
    kinds: { form2: string; form4: string; survey: string; feedback: string };
    states: { todo: string; late: string; done: string; info: string; answered: string; nothingToReport: string; noProposal: string };
    counts: { form2: string; form4: string; survey: string; feedback: string };
    open: { form2: string; form4: string; survey: string; feedback: string };
  };
  FeedbackHeading: string;
  ProposalsHeading: string;
  SurveysHeading: string;
  Columns: { edition: string; editionNo: string; no: string; title: string; content: string; partner: string; answer: string; agreement: string; item: string; partnerAnswer: string };
  ForAll: string;
  Form2: { confirmSubmit: string; add: string; edit: string; heading: string; partner: string; item: string; title: string; content: string; viewpoint: string; viewpoints: { comprehensivePlan: string; administrativeEvaluation: string; other: string }; answers: string; none: string; saveDraft: string; submit: string; cancel: string; readOnly: string; status: { draft: string; submitted: string; noProposal: string };
    /** 提案なし: Form 2 handed in with nothing to propose ({0}: the fiscal year; {1}: the date). */
    noProposal: { action: string; hint: string; confirm: string; submittedOn: string; refused: { draftsExist: string; alreadySubmitted: string } };
    deadline: string; saved: string; submitted: string };
  Form4: { confirmSubmit: string; heading: string; add: string; edit: string; remove: string; submit: string; submitted: string; section: string; title: string; content: string; partner: string; item: string; matching: string; none: string; save: string; cancel: string; status: { draft: string; submitted: string; published: string; nothingToReport: string }; statusColumn: string; locked: string; year: string;
    /** 該当なし: the year's Form 4 handed in with nothing to report. */
    nothingToReport: {
      action: string;
      /** {0}: the fiscal year (令和8年度). */
      confirm: string;
      /** {0}: the date it was handed in (令和9年4月10日). */
      submittedOn: string;
      /** {0}: the fiscal year. */
      readOnly: string;
      /** {0}: how many drafts. */
      draftsFirst: string;
      refused: { draftsExist: string; alreadySubmitted: string; nothingToReportSubmitted: string };
    };
  };
  Wish: { column: string; wish: string; withdraw: string; contactPerson: string; comment: string; save: string; cancel: string; by: string; heading: string };
  SurveyForm: { intro: string; deadline: string; feasible: string; ideas: string; comment: string; submit: string; thanks: string; proposed: string; answered: string; yes: string; no: string; question: string; choose: string; chooseAll: string; revise: string; cancelRevise: string; resubmit: string; revised: string; openUntil: string; closed: string };
}
declare module "DepartmentPortalWebPartStrings" {
  const strings: IDepartmentPortalWebPartStrings;
  export = strings;
}
