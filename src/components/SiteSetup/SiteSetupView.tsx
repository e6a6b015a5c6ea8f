import * as React from "react";
import { DefaultButton, Dropdown, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField } from "@fluentui/react";
import { isDirectoryGroup } from "../../data/setup/keys";
import { INFORMATIONAL } from "../../data/setup/plan";
import * as common from "CommonStrings";
import type { CurrentUser, ISiteSetup, ProductRole, SetupPlan, SetupStep } from "../../data/contracts";
import { isDataError } from "../../data/contracts";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { PortalPageCheckView } from "./PortalPageCheck";
import { fmt } from "../format";
import type { IAppServices } from "../IAppServices";

export interface ISiteSetupViewProps {
  services: IAppServices;
  user: CurrentUser;
  /** Told when a run has finished, so the page can reload with the new lists. */
  onDone?: () => void;
}

/** One step in the city's words. */
export function stepText(s: SetupStep): string {
  const t = common.Setup.Steps;
  switch (s.kind) {
    case "createList":
      return fmt(t.createList, s.displayName, String(s.fieldCount), String(s.viewCount));
    case "addField":
      return fmt(t.addField, s.displayName);
    case "updateField":
      return fmt(t.updateField, s.displayName);
    case "addIndex":
      return fmt(t.addIndex, s.displayName);
    case "addUnique":
      return fmt(t.addUnique, s.displayName);
    case "addView":
      return fmt(t.addView, s.displayName);
    case "addViewFields":
      return fmt(t.addViewFields, s.displayName, s.fields.join("、"));
    case "updateView":
      return fmt(t.updateView, s.displayName, s.found, s.changes.map((c) => t.viewChanges[c]).join("、"));
    case "manual":
      return fmt(t.manual, s.displayName, s.found, s.expected);
    case "createGroup":
      if (!s.recreated) return fmt(t.createGroup, s.group);
      return fmt(t.recreateGroup, s.group, "department" in s.recreated ? fmt(t.departmentStaff, s.recreated.department) : common.Setup.RoleNames[s.recreated.role]);
    case "missingGroup":
      return fmt(t.missingGroup, s.group, common.Setup.RoleNames[s.role]);
    case "createAddOnlyLevel":
      return fmt(t.createAddOnlyLevel, s.name);
    case "createEditOnlyLevel":
      return fmt(t.createEditOnlyLevel, s.name);
    case "createManageLevel":
      return fmt(t.createManageLevel, s.name);
    case "revokeFolder":
      return fmt(t.revokeFolder, s.folder, s.principal, s.role in common.Setup.Roles ? common.Setup.Roles[s.role as keyof typeof common.Setup.Roles] : s.role);
    case "breakInheritance":
      return fmt(t.breakInheritance, s.displayName);
    case "grant":
      return fmt(t.grant, s.principal, common.Setup.Roles[s.role]);
    case "revoke":
      return fmt(s.drift ? t.revoke : t.revokeInherited, s.principal, s.role in common.Setup.Roles ? common.Setup.Roles[s.role as keyof typeof common.Setup.Roles] : s.role);
    case "createFolder":
      return fmt(t.createFolder, s.folder);
    case "breakFolderInheritance":
      return fmt(t.breakFolderInheritance, s.folder);
    case "repairFolder":
      return fmt(t.repairFolder, s.folder, s.displayName);
    case "folderWithoutItem":
      return fmt(t.folderWithoutItem, s.folder, s.displayName, String(s.rows));
    case "writeCallKeys":
      return fmt(t.writeCallKeys, s.displayName, String(s.rows.length));
    case "duplicateCalls":
      return fmt(t.duplicateCalls, s.displayName, s.key, s.ids.join(", "));
    case "grantFolder":
      return fmt(t.grantFolder, s.folder, s.principal, common.Setup.Roles[s.role]);
    case "grantSite":
      return fmt(t.grantSite, s.principal, common.Setup.Roles[s.role]);
    case "setGroupOwner":
      return s.found === null ? fmt(t.setGroupOwnerNew, s.group, s.owner) : fmt(t.setGroupOwner, s.group, s.owner, s.found);
    case "recordVersion":
      return fmt(t.recordVersion, String(s.to));
  }
}

/** Why setup was refused, in the user's language: the rights missing and who to ask. */
export function setupRightsText(r: { missing: ("manageLists" | "managePermissions" | "createGroups")[]; owners: string | null }): string {
  return fmt(common.Setup.NotAllowed, r.missing.map((k) => common.Setup.Rights[k]).join("、"), r.owners ?? common.Setup.SiteOwners);
}

const listOf = (s: SetupStep): string => ("list" in s ? s.list : "—");

/**
 * サイトの準備: the plan first (what will be created or changed), then a run with progress,
 * then the result; a second run says there is nothing to do. Site owners only: SharePoint
 * refuses list creation to anyone else, and the screen says so instead of offering it.
 */
export function SiteSetupView({ services, user, onDone }: ISiteSetupViewProps): JSX.Element {
  const [setup, setSetup] = React.useState<ISiteSetup | null>(null);
  const [plan, setPlan] = React.useState<SetupPlan | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [progress, setProgress] = React.useState<{ i: number; total: number } | null>(null);
  const [done, setDone] = React.useState<number | null>(null);
  const [tenant, setTenant] = React.useState<"done" | "forbidden" | null>(null);
  const siteUrl = services.site?.url ?? "";

  const load = React.useCallback(async () => {
    setError(null);
    try {
      const s = setup ?? (await services.setup!());
      setSetup(s);
      setPlan(await s.plan());
    } catch (e) {
      setError(e);
    }
  }, [services, setup]);

  React.useEffect(() => {
    if (user.canManageSite && services.setup) void load();
  }, [user.canManageSite]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!user.canManageSite || !services.setup) return <MessageBar>{fmt(common.Setup.AskOwners, user.siteOwners ?? common.Setup.SiteOwners)}</MessageBar>;

  const run = async (): Promise<void> => {
    if (!setup) return;
    setError(null);
    setDone(null);
    try {
      const applied = await setup.run((_s, i, total) => setProgress({ i: i + 1, total }));
      setProgress(null);
      setDone(applied.steps.filter((s) => !INFORMATIONAL.has(s.kind)).length);
      setPlan(await setup.plan());
      onDone?.();
    } catch (e) {
      setProgress(null);
      setError(e);
      // What was done stays done: show what is left.
      setPlan(await setup.plan().catch(() => plan));
    }
  };

  const work = plan ? plan.steps.filter((s) => !INFORMATIONAL.has(s.kind)) : [];
  const manual = plan ? plan.steps.filter((s) => INFORMATIONAL.has(s.kind)) : [];
  return (
    <Stack tokens={{ childrenGap: 12 }} style={{ maxWidth: 960 }} data-testid="site-setup">
      <Text as="h3" variant="large">
        {common.Setup.Title}
      </Text>
      <Text>{common.Setup.Intro}</Text>
      <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "4px 16px", margin: 0, wordBreak: "break-all" }}>
        <dt>{common.Setup.Site}</dt>
        <dd style={{ margin: 0 }}>{siteUrl}</dd>
        <dt>{common.Setup.SiteVersion}</dt>
        <dd style={{ margin: 0 }}>{plan ? (plan.siteVersion ?? common.Setup.NeverSetUp) : "…"}</dd>
        <dt>{common.Setup.AppVersion}</dt>
        <dd style={{ margin: 0 }}>{plan?.appVersion ?? "…"}</dd>
      </dl>
      {isDataError(error) && error.detail.setupRights ? <MessageBar messageBarType={MessageBarType.blocked}>{setupRightsText(error.detail.setupRights)}</MessageBar> : <ErrorBar error={error} onReload={() => void load()} />}
      {error !== null && isDataError(error) && error.kind !== "forbidden" && <MessageBar messageBarType={MessageBarType.warning}>{common.Setup.Failed}</MessageBar>}
      {done !== null && (
        <MessageBar messageBarType={MessageBarType.success} role="status">
          {fmt(common.Setup.Done, String(done))}
        </MessageBar>
      )}
      {!plan && !error && <Spinner label={common.Loading} />}
      {plan && plan.upToDate && <MessageBar messageBarType={MessageBarType.success}>{fmt(common.Setup.UpToDate, String(plan.siteVersion ?? plan.appVersion))}</MessageBar>}
      {plan && work.length > 0 && (
        <>
          <Text as="h4" variant="mediumPlus">
            {fmt(common.Setup.PlanHeading, String(work.length))}
          </Text>
          <div style={{ maxHeight: 420, overflow: "auto", border: "1px solid #e1dfdd" }} tabIndex={0} role="region" aria-label={fmt(common.Setup.PlanHeading, String(work.length))}>
            <table style={{ borderCollapse: "collapse", width: "100%" }} aria-label={fmt(common.Setup.PlanHeading, String(work.length))}>
              <thead>
                <tr>
                  <th style={th}>{common.Setup.ColList}</th>
                  <th style={th}>{common.Setup.ColWhat}</th>
                </tr>
              </thead>
              <tbody>
                {work.map((s, i) => (
                  <tr key={i}>
                    <td style={td}>{listOf(s)}</td>
                    <td style={td}>{stepText(s)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
            <PrimaryButton text={common.Setup.Run} disabled={progress !== null} onClick={() => void run()} />
            {progress && <Spinner label={fmt(common.Setup.Running, String(progress.i), String(progress.total))} labelPosition="right" />}
          </Stack>
        </>
      )}
      {manual.length > 0 && (
        <>
          <Text as="h4" variant="mediumPlus">
            {common.Setup.ManualHeading}
          </Text>
          <ul>
            {manual.map((s, i) => (
              <li key={i}>
                {listOf(s)}: {stepText(s)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan && plan.siteVersion !== null && <PortalPageCheckView services={services} user={user} siteUrl={siteUrl} />}
      {plan && setup && <RoleGroups setup={setup} onChanged={() => void load()} />}
      {plan && plan.siteVersion !== null && services.setTenantDefault && (
        <Stack tokens={{ childrenGap: 8 }}>
          <Text as="h4" variant="mediumPlus">
            {common.Setup.TenantHeading}
          </Text>
          <Text>{common.Setup.TenantIntro}</Text>
          <Stack horizontal>
          <DefaultButton
            text={common.Setup.TenantSet}
            onClick={() =>
              services.setTenantDefault!(siteUrl).then(
                () => setTenant("done"),
                (e: unknown) => (isDataError(e) && e.kind === "forbidden" ? setTenant("forbidden") : setError(e)),
              )
            }
          />
          </Stack>
          {tenant === "done" && <MessageBar messageBarType={MessageBarType.success}>{common.Setup.TenantDone}</MessageBar>}
          {tenant === "forbidden" && <MessageBar messageBarType={MessageBarType.warning}>{fmt(common.Setup.TenantForbidden, siteUrl)}</MessageBar>}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * 役割とグループ: each role is held by the product's own group, by an existing SharePoint group
 * the owner chooses, or directly by an Entra ID / Microsoft 365 group (its login name).
 */
function RoleGroups({ setup, onChanged }: { setup: ISiteSetup; onChanged: () => void }): JSX.Element {
  const [state, setState] = React.useState<{ groups: string[]; mapped: Partial<Record<ProductRole, string>> } | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    setup.roleGroups().then(setState, setError);
  }, [setup]);
  const roles: ProductRole[] = ["coordinators", "members", "visitors"];
  const own = "__own__";
  const entra = "__entra__";
  const [logins, setLogins] = React.useState<Partial<Record<ProductRole, string>>>({});
  const [asked, setAsked] = React.useState<Partial<Record<ProductRole, boolean>>>({});
  const choose = (r: ProductRole, group: string | null): void => {
    setError(null);
    setup.mapRole(r, group).then(() => {
      setState((st) => (st ? { ...st, mapped: { ...st.mapped, [r]: group ?? undefined } } : st));
      onChanged();
    }, setError);
  };
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text as="h4" variant="mediumPlus">
        {common.Setup.RolesHeading}
      </Text>
      <Text>{common.Setup.RolesIntro}</Text>
      <ErrorBar error={error} />
      {state && (
        <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
          {roles.map((r) => {
            const mapped = state.mapped[r];
            const directory = !!mapped && isDirectoryGroup(mapped);
            return (
              <Stack key={r} tokens={{ childrenGap: 4 }} styles={{ root: { minWidth: 260, maxWidth: 420 } }}>
                <Dropdown
                  label={common.Setup.RoleNames[r]}
                  selectedKey={asked[r] || directory ? entra : (mapped ?? own)}
                  options={[{ key: own, text: common.Setup.OwnGroup }, ...state.groups.map((g) => ({ key: g, text: g })), { key: entra, text: common.Setup.EntraGroup }]}
                  onChange={(_e, o) => {
                    if (!o) return;
                    if (o.key === entra) return setAsked({ ...asked, [r]: true });
                    setAsked({ ...asked, [r]: false });
                    choose(r, o.key === own ? null : String(o.key));
                  }}
                />
                {(asked[r] || directory) && (
                  <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 4 }}>
                    <TextField
                      label={common.Setup.EntraLogin}
                      description={common.Setup.EntraLoginHelp}
                      placeholder="c:0t.c|tenant|…"
                      value={logins[r] ?? (directory ? mapped : "")}
                      onChange={(_e, v) => setLogins({ ...logins, [r]: v ?? "" })}
                      styles={{ root: { flexGrow: 1 } }}
                    />
                    <DefaultButton text={common.Setup.EntraSet} disabled={!isDirectoryGroup(logins[r] ?? "")} onClick={() => choose(r, (logins[r] ?? "").trim())} />
                  </Stack>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

const th: React.CSSProperties = { textAlign: "left", padding: "6px 8px", borderBottom: "1px solid #c8c6c4", background: "#faf9f8", position: "sticky", top: 0 };
const td: React.CSSProperties = { padding: "4px 8px", borderBottom: "1px solid #edebe9", verticalAlign: "top" };
