import * as React from "react";
import { Spinner } from "@fluentui/react";
import { Notice, Tab, Tabs } from "../../../components/light";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { FiscalYearPicker } from "../../../components/FiscalYearPicker";
import { useLoad } from "../../../components/hooks/useLoad";
import type { CurrentUser } from "../../../data/contracts";
import { CycleService } from "../../../data/services/CycleService";
import { fiscalYearOf } from "../../../domain/calendar";
import { YearOverview } from "./YearOverview";
import { RowAnomaliesSection } from "./RowAnomaliesSection";
import { RowAnomalyService } from "../../../data/services/RowAnomalyService";
import { lazyNamed, whenLoaded } from "../../../components/Deferred";

// The first view is the year's overview; every other tab comes in a chunk of its own.
const CallsView = lazyNamed(() => import(/* webpackChunkName: "pd-cycle-calls" */ "./CallsView").then((m) => m.CallsView));
const Form1View = lazyNamed(() => import(/* webpackChunkName: "pd-cycle-form1" */ "./Form1View").then((m) => m.Form1View));
const Form2View = lazyNamed(() => import(/* webpackChunkName: "pd-cycle-form2" */ "./Form2View").then((m) => m.Form2View));
const MatchingView = lazyNamed(() => import(/* webpackChunkName: "pd-cycle-matching" */ "./MatchingView").then((m) => m.MatchingView));
const ChannelsView = lazyNamed(() => import(/* webpackChunkName: "pd-cycle-channels" */ "./ChannelsView").then((m) => m.ChannelsView));

export interface IAnnualCycleRootProps {
  services: IAppServices;
  /** Link put in reminders: the department portal's page. */
  portalUrl?: string;
}

function Year({ services, user, portalUrl }: { services: IAppServices; user: CurrentUser; portalUrl: string }): JSX.Element {
  const current = fiscalYearOf(services.today);
  const [fy, setFy] = React.useState(current);
  const service = React.useMemo(() => new CycleService(services.data, user, services.today), [services, user]);
  // What the calls, matching and channels tabs notify and write with: fetched while the year is read.
  const more = useLoad(() => import(/* webpackChunkName: "pd-cycle-services" */ "./cycleServices").then((m) => m.cycleServices(services.data, user, services.today, services.notifier, services.site?.url ?? "")), [services, user]);
  // Everything for the year in one batched request; the tabs work on it.
  const load = useLoad(() => service.year(fy), [service, fy]);
  const canEdit = user.role === "coordinator";
  // Links to the portal: the web part's own address if given, else the site's setting 部署ポータルのページ (only coordinators post).
  const portalPage = useLoad(
    () => (portalUrl || !canEdit || !more.data ? Promise.resolve(portalUrl) : more.data.portalPage.url()),
    [more.data, portalUrl, canEdit],
  );
  const year = load.data;
  // Rows not where their folder says they belong: the coordinator's, read once the year is shown.
  const anomalies = useLoad(() => (canEdit && year && year.fiscalYear === fy ? new RowAnomalyService(services.data, user, services.today).year(fy) : Promise.resolve([])), [services, user, canEdit, fy, year]);
  const common2 = { canEdit, service, today: services.today, onChanged: load.reload };
  // Each user's saved views of the yearly lists, kept in the browser per site and list.
  const viewOwner = { siteUrl: services.site?.url ?? "", user: user.email || String(user.id) };
  return (
    <>
      <FiscalYearPicker value={fy} years={[current + 1, current, current - 1, current - 2, current - 3, current - 4]} onChange={setFy} />
      <ErrorBar error={load.error} onReload={load.reload} />
      {load.loading && !year && <Spinner label={common.Loading} />}
      {year && year.fiscalYear === fy && (
        <Tabs ariaLabel={strings.Title}>
          <Tab headerText={strings.Tabs.year} itemKey="year">
            <YearOverview year={year} />
            <RowAnomaliesSection rows={anomalies.data ?? []} />
          </Tab>
          <Tab headerText={strings.Tabs.calls} itemKey="calls">
            {whenLoaded(more, (m) => <CallsView year={year} notifications={m.notifications} requestContact={m.requestContact} portalUrl={portalPage.data ?? ""} {...common2} />)}
          </Tab>
          <Tab headerText={strings.Tabs.form1} itemKey="form1">
            <Form1View year={year} requestContact={more.data?.requestContact} {...common2} viewOwner={viewOwner} />
          </Tab>
          <Tab headerText={strings.Tabs.form2} itemKey="form2">
            <Form2View year={year} requestContact={more.data?.requestContact} {...common2} viewOwner={viewOwner} />
          </Tab>
          <Tab headerText={strings.Tabs.matching} itemKey="matching">
            {whenLoaded(more, (m) => <MatchingView fiscalYear={fy} canEdit={canEdit} service={m.matching} notifications={m.notifications} portalUrl={portalPage.data ?? ""} viewOwner={viewOwner} />)}
          </Tab>
          <Tab headerText={strings.Tabs.channels} itemKey="channels">
            {whenLoaded(more, (m) => <ChannelsView departments={year.departments} canEdit={canEdit} service={m.matching} notifications={m.notifications} onChanged={load.reload} />)}
          </Tab>
        </Tabs>
      )}
    </>
  );
}

/** 年度の連携: the fiscal year's calls, proposals (Forms 1 and 2) and the partners' answers. */
export function AnnualCycleRoot({ services, portalUrl }: IAnnualCycleRootProps): JSX.Element {
  // Visitors may not read the year's internal lists (partners' proposals, department rows): they are told where to look instead of being shown a refusal.
  return <AppFrame services={services} title={strings.Title}>{(user) => (user.role === "visitor" ? <Notice kind="info">{strings.VisitorNote}</Notice> : <Year services={services} user={user} portalUrl={portalUrl ?? ""} />)}</AppFrame>;
}
