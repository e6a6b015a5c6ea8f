define([], function () {
  return {
    Title: "Results",
    SummaryLabel: "Results at a glance",
    Summary: { initiatives: "Initiatives", departments: "Departments reporting", partners: "Partners involved", published: "Published" },
    ByDepartmentHeading: "By department",
    ByPartnerHeading: "By partner",
    ByItemHeading: "By partnership item",
    FiveYearsHeading: "Last five years",
    Columns: { department: "Department", partner: "Partner", count: "Count", item: "Partnership item", no: "No", title: "Initiative", content: "Content", status: "Status", fiscalYear: "Fiscal year" },
    DrillDown: "Show rows",
    DrillDownOf: "Initiatives: {0}",
    ChartLabel: "Chart: {0}",
    NothingToReport: {
      heading: "Departments with nothing to report",
      intro: "These departments submitted this year's results report (Form 4) as nothing to report. They count as reported, and add nothing to the counts or to the published results.",
      submittedOn: "submitted {0}",
      withdraw: "Withdraw \"nothing to report\"",
      confirmWithdraw: "Withdraw \"nothing to report\" for {0}? The department can then enter and submit initiatives.",
      withdrawn: "\"Nothing to report\" withdrawn for {0}.",
      inPublish: "Nothing to report: {0}"
    },
    Publish: {
      heading: "Publication",
      publish: "Publish this year's results",
      confirm: "Submitted results become published. After that only the coordinator can change them, and each change is recorded.",
      done: "{0} rows published.",
      excel: "Excel (Form 4, per department)",
      csv: "CSV",
      html: "HTML for the city website",
      missing: "{0} of {1} departments have reported. Not yet: {2}. Publishing now leaves their results out.",
      unfinished: "Publishing edition {0} stopped part-way. Done: submissions closed (departments can no longer change them) and the publication recorded. Left: saving what was published (the results as of publication). \"Finish publishing\" does what is left (nothing is done twice).",
      finish: "Finish publishing",
      notEnded: "The fiscal year has not ended yet (publication from 1 April).",
      nothing: "No submitted results to publish.",
      cancel: "Cancel"
    }
  };
});
