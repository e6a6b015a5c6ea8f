define([], function () {
  return {
    Title: "Department portal",
    PropertyPaneDescription: "Department portal settings",
    DepartmentCodeLabel: "Department (unit code)",
    DepartmentCodeDescription: "In a Teams tab the department is recognised from the team and channel. On a SharePoint page this department, or the signed-in user's, is shown.",
    NoDepartment: "The department could not be recognised. Set the unit code in the web part settings, or ask the Future Creation Division to register your department's Teams channel.",
    SummaryLabel: "Your department at a glance",
    Summary: { proposals: "Proposals this year (Form 2)", surveys: "Surveys awaiting your answer", feedback: "Feedback received (Form 3)" },
    FeedbackHeading: "Feedback list (Form 3)",
    ProposalsHeading: "Your proposals (Form 2)",
    SurveysHeading: "Internal survey requests",
    Columns: { edition: "Edition", editionNo: "#{0}", no: "No", title: "Title", content: "Content", partner: "Partner", answer: "Partner's answer", agreement: "Agreement", item: "Partnership item" },
    ForAll: "All departments",
    Form2: {
      add: "Add a proposal",
      edit: "Edit",
      heading: "City proposal (Form 2)",
      partner: "Partner",
      item: "Partnership item",
      title: "Title",
      content: "Content",
      viewpoint: "Viewpoint",
      viewpoints: { comprehensivePlan: "Comprehensive plan / action plan", administrativeEvaluation: "Last year's administrative evaluation", other: "Other" },
      answers: "Answers the partner's proposal (optional)",
      none: "(none)",
      saveDraft: "Save draft",
      submit: "Submit",
      cancel: "Cancel",
      readOnly: "The deadline has passed: read only. Ask the coordinator to reopen the call if you need to change it.",
      status: { draft: "Draft", submitted: "Submitted" },
      deadline: "Deadline",
      saved: "Saved."
    },
    Wish: { column: "Carry out", wish: "We want to carry this out", withdraw: "Withdraw", contactPerson: "Contact person (name, extension)", comment: "Comment (timing, etc.)", save: "Register", cancel: "Cancel", by: "Wished (contact: {0})", heading: "Wish to carry out" },
    SurveyForm: {
      intro: "For this approach, say for each partnership item whether your department sees concrete joint projects.",
      deadline: "Answer by",
      feasible: "Joint projects are feasible",
      ideas: "Concrete project ideas",
      comment: "Comment",
      submit: "Send answers",
      thanks: "Your answers were sent. Thank you.",
      proposed: "Content proposed by the partner"
    }
  };
});
