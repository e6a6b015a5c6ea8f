define([], function () {
  return {
    Title: "実績報告",
    SummaryLabel: "実績の概要",
    Summary: { initiatives: "連携事業の件数", departments: "報告した部署", partners: "連携した企業等", published: "公表済み" },
    ByDepartmentHeading: "部署別の件数",
    ByPartnerHeading: "企業等別の件数",
    ByItemHeading: "連携事項別の件数",
    FiveYearsHeading: "過去5年の推移",
    Columns: { department: "部課", partner: "連携企業名", count: "件数", item: "連携事項", no: "NO", title: "取組の件名", content: "取組内容", status: "状態", fiscalYear: "年度" },
    DrillDown: "内訳を見る",
    DrillDownOf: "{0} の取組",
    ChartLabel: "{0}のグラフ",
    NothingToReport: {
      heading: "該当なし（報告する実績なし）の部署",
      intro: "次の部署は、この年度の実績報告（別紙④）を該当なしとして提出しています。報告済みとして扱い、件数・公表する実績には含めません。",
      submittedOn: "{0} 提出",
      withdraw: "該当なしを取り消す",
      confirmWithdraw: "{0}の該当なしを取り消します。取り消すと、部署は取組を登録して提出できるようになります。取り消しますか。",
      withdrawn: "{0}の該当なしを取り消しました。",
      inPublish: "該当なし（報告する実績なし）: {0}"
    },
    Publish: {
      heading: "公表",
      publish: "この年度の実績を公表する",
      confirm: "提出済みの実績を「公表済み」にします。公表後の変更は未来創造課のみが行え、操作の記録に残ります。",
      done: "{0} 件を公表済みにしました。",
      excel: "Excel（別紙④・部署ごと）",
      csv: "CSV",
      html: "ウェブサイト掲載用 HTML",
      missing: "報告のあった部署は {1} 部署中 {0} 部署です。未報告: {2}。このまま公表すると、未報告の部署の実績は含まれません。",
      unfinished: "第{0}版の公表が途中で止まっています。済んだこと: 提出の締切り（部署は変更できません）・公表の記録。残り: 公表内容（公表時点の実績）の保存。「公表を完了する」で残りを行います（何も二重になりません）。",
      finish: "公表を完了する",
      notEnded: "年度が終わっていないため、まだ公表できません（4月1日から）。",
      nothing: "公表する提出済みの実績がありません。",
      cancel: "キャンセル"
    }
  };
});
