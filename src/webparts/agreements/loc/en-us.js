define([], function () {
  return {
    Title: "Agreements",
    Description: "Register of comprehensive partnership agreements, conclusion and three-yearly review",
    PropertyPaneDescription: "Agreements settings",
    FilterStatus: "Filter by status",
    SearchPlaceholder: "Search agreement or partner",
    Columns: { title: "Agreement", partner: "Partner", status: "Status", concluded: "Concluded", nextReview: "Next review", items: "Items" },
    Summary: { total: "Agreements", concluded: "In force", inProgress: "Under consideration", reviewsDue: "Reviews within 90 days" },
    SummaryLabel: "Agreements at a glance",
    ReadOnlyNotice: "You are viewing concluded agreements. The Future Creation Division edits agreements."
  };
});
