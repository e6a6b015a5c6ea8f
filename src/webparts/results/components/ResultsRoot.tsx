import * as React from "react";
import { IColumn, Link, Spinner } from "@fluentui/react";
import { Button, DataGrid, Flex, Notice } from "../../../components/light";
import * as strings from "ResultsWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { lazyNamed } from "../../../components/Deferred";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { FiscalYearPicker } from "../../../components/FiscalYearPicker";
import { SummaryTiles } from "../../../components/SummaryTiles";
import { fiscalYearLabel, fmt } from "../../../components/format";
import { downloadFile, CSV_MIME, XLSX_MIME } from "../../../components/files";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import type { CurrentUser } from "../../../data/contracts";
import { ResultsService } from "../../../data/services/ResultsService";
import { fiscalYearOf, formatEraDate, tokyoDate } from "../../../domain/calendar";
import { lastYears, NothingToReport, reportingStatus, yearHasEnded, yearOverYear, yearTotals } from "../../../domain/results";
import type { CountRow } from "../../../domain/totals";
import type { ResultReport } from "../../../domain/types";
import { resultsCsv, resultsHtml, toPublishedRows } from "../../../export/resultsReport";

/** The drill-down panel and the dialogs come in chunks of their own, when opened. */
const DrillPanel = lazyNamed(() => import(/* webpackChunkName: "pd-results-dialogs" */ "./ResultsDialogs").then((m) => m.DrillPanel));
const PublishDialog = lazyNamed(() => import(/* webpackChunkName: "pd-results-dialogs" */ "./ResultsDialogs").then((m) => m.PublishDialog));
const ConfirmDialog = lazyNamed(() => import(/* webpackChunkName: "pd-confirm" */ "../../../components/ConfirmDialog").then((m) => m.ConfirmDialog));
/** The charts come in a chunk of their own, after the totals they illustrate. */
const BarChart = lazyNamed(() => import(/* webpackChunkName: "pd-charts" */ "../../../components/BarChart").then((m) => m.BarChart));

export interface IResultsRootProps {
  services: IAppServices;
}

type Dimension = "department" | "partner" | "item";

function Totals({ services, user }: { services: IAppServices; user: CurrentUser }): JSX.Element {
  const current = fiscalYearOf(services.today);
  // Results are reported after the year ends, so the last complete year comes first.
  const [fy, setFy] = React.useState(current - 1);
  const service = React.useMemo(() => new ResultsService(services.data, user, services.today, services.clock), [services, user]);
  // The year and the five years' rows are read together (two requests in flight, not one after the other).
  const load = useLoad(async () => {
    const [year, five] = await Promise.all([service.year(fy), service.fiveYears(fy)]);
    return { year, five };
  }, [service, fy]);
  const [drill, setDrill] = React.useState<{ title: string; rows: ResultReport[] } | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const [done, setDone] = React.useState<number | null>(null);
  const [withdrawing, setWithdrawing] = React.useState<NothingToReport | null>(null);
  const [withdrawn, setWithdrawn] = React.useState<string | null>(null);
  const action = useAction();
  const d = load.data;
  const rows = d?.year.rows.filter((r) => r.status !== "draft") ?? [];
  const totals = d ? yearTotals(rows, d.year.items, d.year.agreements) : null;
  const five = d ? yearOverYear(d.five.filter((r) => r.status !== "draft"), lastYears(fy)) : [];
  const pick = (dim: Dimension, c: CountRow): void => {
    const match = (r: ResultReport): boolean => (dim === "department" ? r.department?.id : dim === "partner" ? r.partner?.id : r.partnershipItem?.id) === c.key;
    setDrill({ title: fmt(strings.DrillDownOf, c.label), rows: rows.filter(match).sort((a, b) => (a.department?.title ?? "").localeCompare(b.department?.title ?? "", "ja") || a.rowNo - b.rowNo) });
  };
  const table = (dim: Dimension, title: string, data: CountRow[]): JSX.Element => {
    const columns: IColumn[] = [
      { key: "label", name: dim === "department" ? strings.Columns.department : dim === "partner" ? strings.Columns.partner : strings.Columns.item, minWidth: 200, isMultiline: true, onRender: (r: CountRow) => r.label },
      { key: "count", name: strings.Columns.count, minWidth: 70, onRender: (r: CountRow) => <Link onClick={() => pick(dim, r)} aria-label={`${strings.DrillDown}: ${r.label} ${r.count}`}>{r.count}</Link> },
    ];
    return (
      <Flex grow style={{ minWidth: 320, maxWidth: 600, flexBasis: 320 }}>
        <h3 className={frameStyles.sectionTitle}>{title}</h3>
        <BarChart label={fmt(strings.ChartLabel, title)} bars={data.slice(0, 12).map((r) => ({ label: r.label, value: r.count }))} onSelect={(i) => pick(dim, data[i])} />
        <DataGrid items={data} columns={columns} compact getKey={(r: CountRow) => String(r.key)} ariaLabel={title} />
      </Flex>
    );
  };
  // What the city published is the publication's frozen file, whatever was changed since.
  const record = d?.year.published ?? null;
  // An edition recorded whose frozen file was never attached (publishing was cut short): what is done, what is left.
  const latestEdition = d ? [...d.year.publications].sort((a, b) => b.edition - a.edition)[0] : undefined;
  // Before publishing: which departments asked for Form 4 (the year's call, else every department) have reported (rows, or 該当なし).
  const reporting = d ? reportingStatus({ calls: d.year.calls, departments: d.year.departments, rows: d.year.rows, nothingToReport: d.year.nothingToReport }) : { owed: 0, reported: 0, missing: [], nothingToReport: [] };
  const nothing = d ? [...d.year.nothingToReport].sort((a, b) => a.department.title.localeCompare(b.department.title, "ja")) : [];
  const unfinished = latestEdition && (!record || record.edition < latestEdition.edition) ? latestEdition : null;
  const published = record?.publishedAt || rows.map((r) => r.publishedAt).filter(Boolean).sort().reverse()[0];
  const publishedOn = published ? formatEraDate(tokyoDate(published)) : formatEraDate(services.today);
  const download = async (kind: "excel" | "csv" | "html"): Promise<void> => {
    const pub = toPublishedRows(record ? record.rows : rows);
    if (kind === "csv") return downloadFile(resultsCsv(fy, pub), `実績報告_${fy}年度.csv`, CSV_MIME);
    if (kind === "html") return downloadFile(resultsHtml(fy, pub, publishedOn), `jisseki_${fy}.html`, "text/html;charset=utf-8");
    await action.run(async () => {
      const [{ loadExcel }, { buildResultsWorkbook }] = await Promise.all([import(/* webpackChunkName: "excel" */ "../../../export/excel"), import(/* webpackChunkName: "excel" */ "../../../export/resultsReport")]);
      downloadFile(await buildResultsWorkbook(await loadExcel(), fy, pub), `実績報告_${fy}年度.xlsx`, XLSX_MIME);
    });
  };
  const canPublish = user.role === "coordinator";
  const submitted = rows.filter((r) => r.status === "submitted").length;
  return (
    <>
      <FiscalYearPicker value={fy} years={[current, current - 1, current - 2, current - 3, current - 4]} onChange={setFy} />
      <ErrorBar error={load.error ?? action.error} onReload={load.reload} />
      {load.loading && !d && <Spinner label={common.Loading} />}
      {d && totals && (
        <>
          <SummaryTiles
            label={strings.SummaryLabel}
            tiles={[
              { label: strings.Summary.initiatives, value: totals.total },
              { label: strings.Summary.departments, value: totals.byDepartment.length },
              { label: strings.Summary.partners, value: totals.byPartner.length },
              { label: strings.Summary.published, value: rows.filter((r) => r.status === "published").length },
            ]}
          />
          <section aria-label={strings.Publish.heading} style={{ border: "1px solid #e1dfdd", borderRadius: 4, padding: 10, marginBottom: 12 }}>
            <h3 className={frameStyles.sectionTitle}>{strings.Publish.heading}</h3>
            {done !== null && <Notice kind="success" role="status">{fmt(strings.Publish.done, done)}</Notice>}
            {unfinished && done === null && (
              <Notice
                kind="severeWarning"
                role="alert"
                actions={
                  canPublish ? (
                    <Button small disabled={action.busy} onClick={() => void action.run(async () => setDone(await service.publish(d!.year))).then((ok) => ok && load.reload())}>
                      {strings.Publish.finish}
                    </Button>
                  ) : undefined
                }
              >
                {fmt(strings.Publish.unfinished, unfinished.edition)}
              </Notice>
            )}
            <Flex horizontal wrap gap={8}>
              {canPublish && (
                <Button
                  primary
                  disabled={!yearHasEnded(fy, services.today) || submitted === 0 || action.busy}
                  title={!yearHasEnded(fy, services.today) ? strings.Publish.notEnded : submitted === 0 ? strings.Publish.nothing : undefined}
                  onClick={() => setConfirming(true)}
                >
                  {strings.Publish.publish}
                </Button>
              )}
              <Button iconName="ExcelDocument" onClick={() => void download("excel")} disabled={rows.length === 0 || action.busy}>{strings.Publish.excel}</Button>
              <Button iconName="Download" onClick={() => void download("csv")} disabled={rows.length === 0}>{strings.Publish.csv}</Button>
              <Button iconName="FileHTML" onClick={() => void download("html")} disabled={rows.length === 0}>{strings.Publish.html}</Button>
            </Flex>
          </section>
          {(nothing.length > 0 || withdrawn) && (
            <section aria-label={strings.NothingToReport.heading} data-testid="results-nothing-to-report" style={{ marginBottom: 12 }}>
              <h3 className={frameStyles.sectionTitle}>{strings.NothingToReport.heading}</h3>
              {withdrawn && <Notice kind="success" role="status" onDismiss={() => setWithdrawn(null)}>{fmt(strings.NothingToReport.withdrawn, withdrawn)}</Notice>}
              {nothing.length > 0 && <p>{strings.NothingToReport.intro}</p>}
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {nothing.map((n) => (
                  <li key={n.id} style={{ marginBottom: 4 }}>
                    <span style={{ fontWeight: 600 }}>{n.department.title}</span>（{fmt(strings.NothingToReport.submittedOn, formatEraDate(tokyoDate(n.submittedAt)))}）
                    {canPublish && <span style={{ marginLeft: 8 }}><Button small ariaLabel={`${strings.NothingToReport.withdraw}: ${n.department.title}`} disabled={action.busy} onClick={() => setWithdrawing(n)}>{strings.NothingToReport.withdraw}</Button></span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Flex horizontal wrap gap={24}>
            {table("department", strings.ByDepartmentHeading, totals.byDepartment)}
            {table("partner", strings.ByPartnerHeading, totals.byPartner)}
            {table("item", strings.ByItemHeading, totals.byItem)}
            <Flex grow style={{ minWidth: 320, maxWidth: 600, flexBasis: 320 }}>
              <h3 className={frameStyles.sectionTitle}>{strings.FiveYearsHeading}</h3>
              <BarChart label={fmt(strings.ChartLabel, strings.FiveYearsHeading)} bars={five.map((y) => ({ label: fiscalYearLabel(y.fiscalYear), value: y.count }))} />
            </Flex>
          </Flex>
          {rows.length === 0 && <p>{common.NoItems}</p>}
        </>
      )}
      {drill && <DrillPanel title={drill.title} rows={drill.rows} onDismiss={() => setDrill(null)} />}
      {withdrawing && d && (
        <ConfirmDialog
          title={strings.NothingToReport.withdraw}
          text={fmt(strings.NothingToReport.confirmWithdraw, withdrawing.department.title)}
          confirm={strings.NothingToReport.withdraw}
          busy={action.busy}
          onCancel={() => setWithdrawing(null)}
          onConfirm={() => {
            const dept = d.year.departments.find((x) => x.id === withdrawing.department.id);
            if (!dept) return setWithdrawing(null);
            void action
              .run(async () => {
                await service.withdrawNothingToReport(d.year, dept);
              })
              .then((ok) => {
                setWithdrawing(null);
                if (ok) {
                  setWithdrawn(dept.title);
                  load.reload();
                }
              });
          }}
        />
      )}
      {confirming && d && (
        <PublishDialog
          reporting={reporting}
          busy={action.busy}
          onCancel={() => setConfirming(false)}
          onPublish={() =>
            void action
              .run(async () => {
                setDone(await service.publish(d.year));
              })
              .then((ok) => {
                setConfirming(false);
                if (ok) load.reload();
              })
          }
        />
      )}
    </>
  );
}

/** 実績報告: the year's results, totals and charts with drill-down, five years, and publication. */
export function ResultsRoot({ services }: IResultsRootProps): JSX.Element {
  return <AppFrame services={services} title={strings.Title}>{(user) => <Totals services={services} user={user} />}</AppFrame>;
}
