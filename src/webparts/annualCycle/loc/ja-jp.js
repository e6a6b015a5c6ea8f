define([], function () {
  return {
    Title: "年度の連携",
    SummaryLabel: "年度の概要",
    Summary: { calls: "調査依頼", partnerProposals: "企業等からの提案（別紙①）", cityProposals: "市からの提案（別紙②）", answered: "企業等の回答済み", matchings: "フィードバックの行（別紙③）" },
    CallsHeading: "調査依頼",
    Columns: { form: "様式", title: "件名", deadline: "期限", status: "状態", recipients: "依頼先" },
    CallStatus: { open: "受付中", closed: "締切" },
    AnswersHeading: "市からの提案への回答"
  };
});
