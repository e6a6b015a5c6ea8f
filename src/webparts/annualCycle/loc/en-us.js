define([], function () {
  return {
    Title: "Yearly cycle",
    SummaryLabel: "The year at a glance",
    Summary: { calls: "Calls", partnerProposals: "Partner proposals (Form 1)", cityProposals: "City proposals (Form 2)", answered: "Answered by partners", matchings: "Feedback rows (Form 3)" },
    CallsHeading: "Calls for submissions",
    Columns: { form: "Form", title: "Title", deadline: "Deadline", status: "Status", recipients: "Recipients" },
    CallStatus: { open: "Open", closed: "Closed" },
    AnswersHeading: "Partners' answers to city proposals"
  };
});
