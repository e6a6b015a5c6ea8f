declare interface IAnnualCycleWebPartStrings {
  /** For a visitor (read-only access): what the page is for and where to look instead. */
  VisitorNote: string;
  Title: string;
  SummaryLabel: string;
  /** 所属フォルダーと一致しない行 (the coordinator's list of rows not where their folder says they belong). */
  Anomalies: {
    heading: string; intro: string; list: string; department: string; author: string; editor: string; folder: string; problem: string;
    lists: { cityProposals: string; resultReports: string; implementationWishes: string; surveyResponses: string };
    problems: { outsideFolders: string; unknownDepartment: string; otherDepartment: string; wrongState: string; wrongYear: string; notAsked: string; changedAfterClose: string; notPublished: string };
  };
  Summary: { calls: string; partnerProposals: string; cityProposals: string; answered: string; matchings: string };
  Tabs: { year: string; calls: string; form1: string; form2: string; matching: string; channels: string };
  Matching: {
    suggestions: string; noSuggestions: string;
    /** The kind of a Form 3 candidate: a pair, an answered city proposal alone ({0}: the answer), a partner proposal alone. */
    candidateKind: { pair: string; cityProposal: string; partnerProposal: string };
    destination: string; destinationAll: string; destinationChosen: string; destinationRequired: string; departmentsRequired: string;
    score: string; reason: string; reasons: { samePartnerAndItem: string; samePartner: string; similarText: string };
    accept: string; reject: string; addByHand: string; draft: string; noRows: string; up: string; down: string; remove: string; edit: string; departments: string; allDepartments: string; chosen: string;
    issue: string; checking: string;
    readinessHeading: string;
    willPost: string;
    notMemberList: string;
    noChannelList: string;
    issueConfirm: string; issued: string; editions: string; notifications: string; retryAll: string; retry: string; wishes: string; noWishes: string; contact: string; source: string; fromForm1: string; fromForm2: string; samePartnerOnly: string;
    notYetSent: string;
    outcomeUnknown: string;
    resendUnknown: string;
    openChannel: string;
    confirmPosted: string;
    unknownHint: string;
    status: { sent: string; failed: string; notConfigured: string; pending: string }; attempts: string; error: string; notNotified: string; forbiddenHint: string;
    /** After issuing or 再送: all notified, some (「n 部署中 m 部署に通知しました。k 部署に…」), none. */
    outcome: {
      allSent: string; partial: string; allFailed: string; none: string; item: string;
      reasons: { failed: string; notMember: string; forbidden: string; noChannel: string; unknown: string };
      retryHint: string;
    };
    export: { label: string; excel: string; csv: string; print: string };
    view: { edition: string; draft: string; wishYes: string; wishNo: string; reorderOff: string; noneShown: string; scope: string };
    message: { heading: string; intro: string; no: string; title: string; content: string; partner: string; contact: string; open: string; answer: string; count: string };
  };
  Channels: { heading: string; department: string; teamId: string; channelId: string; group: string;
    groupPlaceholder: string;
    groupSaved: string;
    invalidGroupLogin: string;
    pick: string;
    pickHeading: string;
    loadingTeams: string;
    noTeams: string;
    notMemberOfCurrent: string;
    team: string;
    channel: string;
    private: string;
    useThis: string;
    cancel: string;
    channelColumn: string; notSet: string; namesUnknown: string; byId: string; byIdHelp: string;
    save: string; test: string; saved: string; testSent: string; testFailed: string; howTo: string; invalidTeamId: string; invalidChannelId: string; testMessage: string };
  CallsHeading: string;
  Columns: { form: string; title: string; deadline: string; status: string; recipients: string; partner: string; item: string; content: string; timing: string; department: string; answer: string; comment: string; answerDate: string; viewpoint: string; received: string; count: string; recipient: string; submissions: string };
  CallStatus: { open: string; closed: string };
  AnswersHeading: string;
  By: { partner: string; item: string; department: string; answer: string };
  Timing: { startOfYear: string; anyTime: string };
  Viewpoint: { comprehensivePlan: string; administrativeEvaluation: string; other: string };
  /** nothingToReport: Form 4 handed in as 該当なし (reported, no rows). */
  RecipientState: { submitted: string; nothingToReport: string; noProposal: string; notYet: string; late: string };
  Calls: { add: string; heading: string; message: string; recipientsAll: string; open: string; board: string; remind: string; remindDone: string; close: string; reopen: string;
    notReady: string; newDeadline: string; partnersNoTeams: string; noticeHeading: string; noticeBody: string; noticeSent: string; noticeFailed: string; noticeRetry: string; reminderHeading: string; reminderBody: string; openPortal: string; notified: { sent: string; failed: string; notConfigured: string; pending: string } };
  PartnerRequests: { open: string; heading: string; intro: string; deadline: string; contactHeading: string; sender: string; person: string; phone: string; email: string; letter: string; copy: string; copied: string; copyFailed: string;
    download: string; downloaded: string; partners: string; proposals: string; noAddress: string; mail: string; mailShort: string; none: string; noneForm2: string; needDeadline: string; problems: { required: string; invalidEmail: string; invalidPhone: string } };
  Form1: { add: string; download: string; choosePartner: string; import: string; importDone: string; csv: string; excel: string; excelTitle: string; none: string; call: string; noCall: string };
  /** noProposalDepartments: the departments that handed in Form 2 as 提案なし ({0}: how many; {1}: their names). */
  Form2: { noProposalDepartments: string; passToPartner: string; printable: string; importAnswers: string; record: string; csv: string; excel: string; excelTitle: string; printTitle: string };
  ListExport: { asOf: string; asOfFiltered: string };
  Import: { report: string; imported: string; duplicates: string; rowError: string; errors: Record<string, string> };
  Filter: { all: string; partner: string; department: string; answer: string; item: string; search: string };
  Save: string;
  Cancel: string;
  Problems: Record<string, string>;
}
declare module "AnnualCycleWebPartStrings" {
  const strings: IAnnualCycleWebPartStrings;
  export = strings;
}
