define([], function () {
  return {
    AppName: "包括連携デスク",
    Loading: "読み込んでいます…",
    Reload: "再読み込み",
    Retry: "再試行",
    Close: "閉じる",
    Search: "検索",
    All: "すべて",
    NoItems: "該当するデータはありません。",
    FiscalYear: "年度",
    ItemNo: "第{0}号",
    Count: "件数",
    Role: { coordinator: "連携窓口（未来創造課）", member: "部署の担当者", visitor: "閲覧のみ" },
    SignedInAs: "ログイン中: {0}（{1}）",
    Errors: {
      conflict: "ほかの人が先に保存したため、保存できませんでした。最新の内容を読み込み直してから、もう一度保存してください。入力中の内容は消えていません。",
      validation: "入力内容に誤りがあります。赤く表示された項目を確認してください。",
      duplicate: "同じ値がすでに登録されています。別の値を入力してください。",
      threshold: "データが多すぎるため、この条件では検索できません（一覧のしきい値 5,000 件）。年度などで絞り込んでください。",
      forbidden: "この操作を行う権限がありません。必要な場合は未来創造課にお問い合わせください。",
      notFound: "対象のデータが見つかりません。削除された可能性があります。",
      throttled: "SharePoint が混み合っています。しばらく待ってから、もう一度お試しください。",
      network: "SharePoint に接続できませんでした。ネットワークを確認して、もう一度お試しください。",
      unknown: "予期しないエラーが発生しました。もう一度お試しください。解決しない場合は未来創造課にお問い合わせください。"
    },
    FieldProblems: {
      required: "入力してください。",
      tooLong: "{0} 文字以内で入力してください。",
      notANumber: "数値を入力してください。",
      outOfRange: "範囲外の値です（{0}）。",
      invalidChoice: "一覧から選んでください。",
      invalidDate: "正しい日付を入力してください（例: 2026-04-01）。",
      notInteger: "整数を入力してください。"
    },
    AgreementStatus: {
      approached: "打診",
      preparing: "検討中",
      surveying: "庁内調査中",
      concluded: "締結",
      declined: "見送り",
      underReview: "見直し中",
      terminated: "終了"
    },
    PartnerAnswer: { pending: "未回答", can: "可", cannot: "否", discuss: "要協議" },
    Forms: { form1: "別紙①（企業等からの提案）", form2: "別紙②（市からの提案）", form4: "別紙④（実績報告）" },
    ResultStatus: { draft: "下書き", submitted: "提出済", published: "公表済" }
  };
});
