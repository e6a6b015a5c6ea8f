define([], function () {
  return {
    Title: "実績報告",
    SummaryLabel: "実績の概要",
    Summary: { initiatives: "連携事業の件数", departments: "報告した部署", partners: "連携した企業等", published: "公表済み" },
    ByDepartmentHeading: "部署別の件数",
    ByPartnerHeading: "企業等別の件数",
    Columns: { department: "部課", partner: "連携企業名", count: "件数" }
  };
});
