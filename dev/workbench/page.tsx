import * as React from "react";
import * as ReactDom from "react-dom";
import { initializeIcons } from "@fluentui/react";
import { params, PortalHost, services } from "./host";
import { FirstView, startFirstReads } from "../../src/data/firstReads";

/**
 * A page holding one web part and nothing else, as a SharePoint page holds it (the page's own
 * chrome is SharePoint's): the bench measures first renders here, against the floor. As in the
 * web parts' onInit, the view's code is fetched at once, while the page starts.
 * `?only=agreements|annual|portal|results`, with the workbench's `today`, `host=teams&dept=`.
 */
const roots = {
  agreements: () => import("../../src/webparts/agreements/components/AgreementsRoot").then((m) => () => <m.AgreementsRoot services={services} />),
  annual: () => import("../../src/webparts/annualCycle/components/AnnualCycleRoot").then((m) => () => <m.AnnualCycleRoot services={services} portalUrl={`${location.origin}/workbench/page.html?only=portal`} />),
  portal: () => import("../../src/webparts/departmentPortal/components/DepartmentPortalRoot").then((m) => () => <PortalHost Root={m.DepartmentPortalRoot} />),
  results: () => import("../../src/webparts/results/components/ResultsRoot").then((m) => () => <m.ResultsRoot services={services} />),
};
const only = (params.get("only") ?? "agreements") as keyof typeof roots;
// As onInit does: the first reads start now, while the view's code is fetched (a Teams tab's
// services are built for the team's site, and start their own: host.tsx).
const firstViews: Record<keyof typeof roots, FirstView> = { agreements: "agreements", annual: "annualCycle", portal: "departmentPortal", results: "results" };
if (params.get("host") !== "teams") services.firstReads = startFirstReads(services.data, services.today, firstViews[only] ?? "agreements", Promise.resolve({ configuredCode: params.get("dept") ?? undefined }));
const view = (roots[only] ?? roots.agreements)();

function Page(): JSX.Element | null {
  const [View, setView] = React.useState<(() => JSX.Element) | null>(null);
  React.useEffect(() => {
    void view.then((v) => setView(() => v));
  }, []);
  return <main style={{ maxWidth: 1280, margin: "0 auto", padding: 16 }}>{View && <View />}</main>;
}

initializeIcons("/workbench/fonts/", { disableWarnings: true });
ReactDom.render(<Page />, document.getElementById("app"));
