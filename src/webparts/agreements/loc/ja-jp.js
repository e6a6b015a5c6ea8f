define([], function () {
  return {
    Title: "協定管理",
    Description: "包括連携協定の台帳・締結の判断・3年毎の見直し",
    PropertyPaneDescription: "協定管理の設定",
    FilterStatus: "状態で絞り込み",
    SearchPlaceholder: "協定名・企業等名で検索",
    Columns: { title: "協定名", partner: "企業等", status: "状態", concluded: "締結日", nextReview: "次回見直し", items: "連携事項" },
    Summary: { total: "協定", concluded: "締結中", inProgress: "検討・調査中", reviewsDue: "90日以内の見直し" },
    SummaryLabel: "協定の概要",
    ReadOnlyNotice: "締結済みの協定を閲覧しています。協定の編集は未来創造課が行います。"
  };
});
