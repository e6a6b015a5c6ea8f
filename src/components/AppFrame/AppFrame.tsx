import * as React from "react";
import { Spinner, SpinnerSize } from "@fluentui/react";
import { Flex, Notice } from "../light";
import * as common from "CommonStrings";
import type { CurrentUser } from "../../data/contracts";
import { fmt } from "../format";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useLoad } from "../hooks/useLoad";
import type { IAppServices } from "../IAppServices";
import { frameStyles as styles } from "./AppFrame.styles";
import { lazyNamed } from "../Deferred";

export interface IAppFrameProps {
  services: IAppServices;
  title: string;
  children: (user: CurrentUser) => React.ReactNode;
  /** The site turned out not to be set up: a read the web part started early (useEarlyRead) is stale. */
  onNotSetUp?: () => void;
}

/** The frame every web part shares: title, who is signed in and in what role, and errors. */
export function AppFrame({ services, title, children, onNotSetUp }: IAppFrameProps): JSX.Element {
  // Started in onInit when the web part could (services.firstReads); a reload reads afresh.
  const user = useLoad(() => services.firstReads?.take("user") ?? services.data.currentUser(), [services]);
  const notSetUp = user.data?.siteStatus === "notSetUp";
  React.useEffect(() => {
    if (notSetUp) onNotSetUp?.();
  }, [notSetUp]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section className={styles.frame} lang="ja">
      <Flex horizontal justify="space-between" align="center" wrap className={styles.header}>
        <h2 className={styles.title}>{title}</h2>
        {user.data && (
          <span className={styles.user}>
            {/* Before setup there are no lists to have a role on: only the name. */}
            {user.data.siteStatus === "notSetUp" ? user.data.title : fmt(common.SignedInAs, user.data.title, common.Role[user.data.role])}
          </span>
        )}
      </Flex>
      <ErrorBar error={user.error} onReload={user.reload} />
      {user.loading && !user.data && <Spinner size={SpinnerSize.large} label={common.Loading} />}
      {user.data && <SiteGate services={services} user={user.data} onSetUp={user.reload}>{children}</SiteGate>}
    </section>
  );
}

/**
 * Nothing is read from a partnership site that was never set up: its owner sees the setup,
 * everyone else is told who can do it. A site at an older version works, with a note.
 */
function SiteGate({ services, user, onSetUp, children }: { services: IAppServices; user: CurrentUser; onSetUp: () => void; children: (user: CurrentUser) => React.ReactNode }): JSX.Element {
  const url = services.site?.url ?? "";
  if (user.siteStatus === "notSetUp") {
    return (
      <>
        <Notice kind="warning">{fmt(common.Hosting.NotSetUp, url)}</Notice>
        {user.canManageSite && services.setup && <SiteSetupView services={services} user={user} onDone={onSetUp} />}
        {!user.canManageSite && <Notice>{fmt(common.Setup.AskOwners, user.siteOwners ?? common.Setup.SiteOwners)}</Notice>}
      </>
    );
  }
  return (
    <>
      {user.siteStatus === "needsUpgrade" && (
        <Notice kind="warning">{fmt(common.Hosting.NeedsUpgrade, String(user.siteVersion ?? ""), String(user.appVersion ?? ""))}</Notice>
      )}
      {user.siteStatus === "needsUpgrade" && !user.canManageSite && (
        <Notice>{fmt(common.Setup.AskOwners, user.siteOwners ?? common.Setup.SiteOwners)}</Notice>
      )}
      {children(user)}
    </>
  );
}

/** Shown only on a site that was never set up: its own chunk. */
const SiteSetupView = lazyNamed(() => import(/* webpackChunkName: "pd-site-setup-view" */ "../SiteSetup/SiteSetupView").then((m) => m.SiteSetupView));
