define([], function () {
  return {
    Title: "Results",
    SummaryLabel: "Results at a glance",
    Summary: { initiatives: "Initiatives", departments: "Departments reporting", partners: "Partners involved", published: "Published" },
    ByDepartmentHeading: "By department",
    ByPartnerHeading: "By partner",
    Columns: { department: "Department", partner: "Partner", count: "Count" }
  };
});
