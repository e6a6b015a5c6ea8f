import * as React from "react";
import * as ReactDom from "react-dom";
import { initializeIcons, Pivot, PivotItem, Stack } from "@fluentui/react";
import type { Department } from "../../src/domain/types";
import { AgreementsRoot } from "../../src/webparts/agreements/components/AgreementsRoot";
import { AnnualCycleRoot } from "../../src/webparts/annualCycle/components/AnnualCycleRoot";
import { DepartmentPortalRoot } from "../../src/webparts/departmentPortal/components/DepartmentPortalRoot";
import { ResultsRoot } from "../../src/webparts/results/components/ResultsRoot";
import { TeamsPanel } from "./TeamsPanel";
import { FaultPanel } from "./FaultPanel";
import { locale, params, PortalHost, services } from "./host";

/**
 * The local workbench: mounts the same React roots as the SPFx web parts, against the
 * local backend on this origin (so PnPjs sends no cross-origin requests). The user
 * switcher sets the `pd-user` cookie the backend reads; `?host=teams&dept=<code>`
 * simulates the department portal opened as a tab in that department's team.
 */

interface SiteUser {
  Id: number;
  Title: string;
  role: string;
}

const parts = [
  { key: "agreements", title: "協定管理 Agreements", render: () => <AgreementsRoot services={services} /> },
  { key: "annual", title: "年度の連携 Yearly cycle", render: () => <AnnualCycleRoot services={services} portalUrl={`${location.origin}/workbench/#portal`} /> },
  { key: "portal", title: "部署ポータル Department portal", render: () => <PortalHost Root={DepartmentPortalRoot} /> },
  { key: "results", title: "実績報告 Results", render: () => <ResultsRoot services={services} /> },
];

function currentUserId(): string {
  return /(?:^|;\s*)pd-user=([^;]+)/.exec(document.cookie)?.[1] ?? "7";
}

function setParam(name: string, value: string | null): void {
  const p = new URLSearchParams(location.search);
  if (value === null) p.delete(name);
  else p.set(name, value);
  location.search = p.toString();
}

function Workbench(): JSX.Element {
  const [users, setUsers] = React.useState<SiteUser[]>([]);
  const [depts, setDepts] = React.useState<Department[]>([]);
  React.useEffect(() => {
    fetch("/_dev/users").then((r) => r.json() as Promise<SiteUser[]>).then(setUsers, () => setUsers([]));
    // A single web part (?only=) is measured by the benchmark: the workbench adds no SharePoint reads of its own.
    if (!params.get("only")) services.data.departments.list().then(setDepts, () => setDepts([]));
  }, []);
  const [selected, setSelected] = React.useState((location.hash || "#agreements").slice(1));
  React.useEffect(() => {
    const onHash = (): void => setSelected((location.hash || "#agreements").slice(1));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const only = params.get("only");
  return (
    <div>
      <header style={{ background: "#0f6cbd", color: "#fff", padding: "8px 16px" }}>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 16 }}>
          <strong style={{ fontSize: 16 }}>包括連携デスク — ローカル ワークベンチ</strong>
          <label>
            ユーザー:{" "}
            <select
              aria-label="ユーザーを切り替える"
              value={currentUserId()}
              onChange={(e) => {
                document.cookie = `pd-user=${e.target.value}; path=/; SameSite=Strict`;
                location.reload();
              }}
            >
              {users.map((u) => (
                <option key={u.Id} value={u.Id}>
                  {u.Title}（{u.role}）
                </option>
              ))}
            </select>
          </label>
          <label>
            言語:{" "}
            <select aria-label="言語" value={locale} onChange={(e) => setParam("lang", e.target.value === "en-us" ? "en" : null)}>
              <option value="ja-jp">日本語</option>
              <option value="en-us">English</option>
            </select>
          </label>
          <label>
            表示場所:{" "}
            <select
              aria-label="部署ポータルの表示場所"
              value={params.get("host") === "teams" ? (params.get("dept") ?? "") : ""}
              onChange={(e) => {
                const p = new URLSearchParams(location.search);
                if (e.target.value) {
                  p.set("host", "teams");
                  p.set("dept", e.target.value);
                } else {
                  p.delete("host");
                  p.delete("dept");
                }
                location.href = `${location.pathname}?${p.toString()}#portal`;
              }}
            >
              <option value="">SharePoint ページ</option>
              {depts
                .filter((d) => d.teamId)
                .map((d) => (
                  <option key={d.code} value={d.code}>
                    Teams タブ: {d.title}
                  </option>
                ))}
            </select>
          </label>
        </Stack>
      </header>
      {/* The side column stands beside the web part on a wide window and below it on a narrow one (index.html). */}
      <div className="wb-layout">
        <main className="wb-main">
          {only ? (
            parts.find((p) => p.key === only)?.render()
          ) : (
            // On a narrow window the web parts' tabs wrap onto a second line instead of widening the page.
            <Pivot selectedKey={selected} onLinkClick={(item) => item && (location.hash = item.props.itemKey ?? "")} headersOnly={false} styles={{ root: { whiteSpace: "normal" } }}>
              {parts.map((p) => (
                <PivotItem key={p.key} itemKey={p.key} headerText={p.title}>
                  <div style={{ paddingTop: 12 }}>{p.render()}</div>
                </PivotItem>
              ))}
            </Pivot>
          )}
        </main>
        {!only && (
          <aside className="wb-side" aria-label="ワークベンチの開発ツール">
            <TeamsPanel departments={depts} />
            <FaultPanel />
          </aside>
        )}
      </div>
    </div>
  );
}

initializeIcons("/workbench/fonts/", { disableWarnings: true });
ReactDom.render(<Workbench />, document.getElementById("app"));
