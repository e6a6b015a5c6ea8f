import * as React from "react";
import * as ReactDom from "react-dom";
import { initializeIcons } from "@fluentui/react";
import { params, PortalHost, services, startTeamsTab } from "./host";
import { FirstView, startFirstReads } from "../../src/data/firstReads";
import { firstBatchSent } from "../../src/data/sp/requestsSent";

/**
 * A page holding one web part and nothing else, as a SharePoint page holds it (the page's own
 * chrome is SharePoint's): the bench measures first renders here, against the floor. As in the
 * web parts' onInit, the view's code is fetched while the first reads are answered.
 * `?only=agreements|annual|portal|results`, with the workbench's `today`, `host=teams&dept=`.
 */
const roots = {
  agreements: () => import(/* webpackChunkName: "pd-view-agreements" */ "../../src/webparts/agreements/components/AgreementsRoot").then((m) => () => <m.AgreementsRoot services={services} />),
  annual: () => import(/* webpackChunkName: "pd-view-annual-cycle" */ "../../src/webparts/annualCycle/components/AnnualCycleRoot").then((m) => () => <m.AnnualCycleRoot services={services} portalUrl={`${location.origin}/workbench/page.html?only=portal`} />),
  portal: () => import(/* webpackChunkName: "pd-view-department-portal" */ "../../src/webparts/departmentPortal/components/DepartmentPortalRoot").then((m) => () => <PortalHost Root={m.DepartmentPortalRoot} />),
  results: () => import(/* webpackChunkName: "pd-view-results" */ "../../src/webparts/results/components/ResultsRoot").then((m) => () => <m.ResultsRoot services={services} />),
};
const only = (params.get("only") ?? "agreements") as keyof typeof roots;
// As onInit does: the first reads start now, while the view's code is fetched (a Teams tab's
// services are built for the team's site, and start their own: host.tsx).
const firstViews: Record<keyof typeof roots, FirstView> = { agreements: "agreements", annual: "annualCycle", portal: "departmentPortal", results: "results" };
if (params.get("host") === "teams") startTeamsTab();
else services.firstReads = startFirstReads(services.data, services.today, firstViews[only] ?? "agreements", Promise.resolve({ configuredCode: params.get("dept") ?? undefined }));
// As onInit does, the view's code once the first reads' batch is on its way.
const view = firstBatchSent().then(() => (roots[only] ?? roots.agreements)());

function Page(): JSX.Element | null {
  const [View, setView] = React.useState<(() => JSX.Element) | null>(null);
  React.useEffect(() => {
    void view.then((v) => setView(() => v));
  }, []);
  return <main style={{ maxWidth: 1280, margin: "0 auto", padding: 16 }}>{View && <View />}</main>;
}

initializeIcons("/workbench/fonts/", { disableWarnings: true });
ReactDom.render(<Page />, document.getElementById("app"));
