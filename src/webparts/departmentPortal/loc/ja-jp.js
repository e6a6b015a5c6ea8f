define([], function () {
  return {
    Title: "部署ポータル",
    PropertyPaneDescription: "部署ポータルの設定",
    DepartmentCodeLabel: "部署（組織コード）",
    DepartmentCodeDescription: "Teams のタブでは、チームとチャネルから部署を判定します。SharePoint のページでは、ここで指定した部署、またはログインした人の部署を表示します。",
    NoDepartment: "部署を判定できませんでした。Web パーツの設定で組織コードを指定するか、未来創造課に部署の Teams チャネルの登録を依頼してください。",
    SummaryLabel: "部署の概要",
    Summary: { proposals: "今年度の提案（別紙②）", surveys: "回答待ちの庁内調査", feedback: "届いたフィードバック（別紙③）" },
    FeedbackHeading: "フィードバック一覧（別紙③）",
    ProposalsHeading: "部署の提案（別紙②）",
    SurveysHeading: "庁内調査の依頼",
    Columns: { edition: "回", editionNo: "第{0}回", no: "NO", title: "提案の件名", content: "提案内容", partner: "企業等", answer: "企業等の回答", agreement: "協定", item: "連携事項" },
    ForAll: "全部署",
    Form2: {
      add: "提案を登録",
      edit: "編集",
      heading: "市からの提案（別紙②）",
      partner: "連携相手企業",
      item: "該当する連携事項",
      title: "提案の件名",
      content: "提案内容",
      viewpoint: "視点",
      viewpoints: { comprehensivePlan: "長期総合計画・実行計画", administrativeEvaluation: "前年度の行政評価", other: "その他" },
      answers: "対応する企業等の提案（任意）",
      none: "（なし）",
      saveDraft: "下書き保存",
      submit: "提出する",
      cancel: "キャンセル",
      readOnly: "期限を過ぎたため閲覧のみです。修正が必要な場合は未来創造課に依頼の再開を頼んでください。",
      status: { draft: "下書き", submitted: "提出済" },
      deadline: "提出期限",
      saved: "保存しました。"
    },
    Wish: { column: "実施希望", wish: "実施を希望", withdraw: "取り下げ", contactPerson: "部署の担当者（氏名・内線）", comment: "コメント（実施時期など）", save: "登録する", cancel: "キャンセル", by: "希望済み（担当: {0}）", heading: "実施希望の登録" },
    SurveyForm: {
      intro: "企業等からの打診について、連携事項ごとに具体的な連携事業の可能性を回答してください。",
      deadline: "回答期限",
      feasible: "連携事業の可能性あり",
      ideas: "具体的な事業案",
      comment: "意見",
      submit: "回答を送信",
      thanks: "回答を送信しました。ありがとうございました。",
      proposed: "企業等から提案された内容"
    }
  };
});
