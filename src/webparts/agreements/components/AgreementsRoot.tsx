import { portalPageUrl } from "../../../domain/portalPage";
import * as React from "react";
import { Spinner } from "@fluentui/react";
import { Notice, Tab, Tabs, Toolbar } from "../../../components/light";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useLoad } from "../../../components/hooks/useLoad";
import { EarlyRead, useEarlyRead } from "../../../components/hooks/useEarlyRead";
import type { CurrentUser } from "../../../data/contracts";
import type { CalendarData } from "../../../data/services/TermsService";
import { readRegister, RegisterData } from "../../../data/firstReads";
import { canEditAgreements } from "../../../domain/roles";
import { Register } from "./Register";
import { lazyNamed, whenLoaded } from "../../../components/Deferred";

export interface IAgreementsRootProps {
  services: IAppServices;
}


function Agreements({ services, user, early }: { services: IAppServices; user: CurrentUser; early: EarlyRead<RegisterData> }): JSX.Element {
  const { data } = services;
  // What the panels and other tabs write with: its own chunk, fetched while the register is read.
  const more = useLoad(() => import(/* webpackChunkName: "pd-agreements-services" */ "./agreementsServices").then((m) => m.agreementsServices(data, user, services.today, services.notifier, services.site?.url ?? "")), [data, user, services.today, services.notifier, services.site?.url]);
  const load = useLoad(() => early.take(() => readRegister(data)), [data]);
  const [openId, setOpenId] = React.useState<number | null>(null);
  const [starting, setStarting] = React.useState(false);
  // The calendar's read starts when its tab is chosen, beside the fetch of the calendar's code.
  const calendarRead = React.useRef<Promise<CalendarData>>();
  const onTab = (key: string): void => {
    if (key !== "calendar" || !more.data) return;
    calendarRead.current = more.data.terms.calendar();
    calendarRead.current.catch(() => undefined); // the calendar shows it when it takes the read
  };
  const takeCalendarRead = (): Promise<CalendarData> | undefined => {
    const p = calendarRead.current;
    calendarRead.current = undefined;
    return p;
  };
  const canEdit = canEditAgreements(user.role);
  const d = load.data;
  return (
    <>
      <ErrorBar error={load.error} onReload={load.reload} />
      {!canEdit && <Notice>{strings.ReadOnlyNotice}</Notice>}
      {load.loading && !d && <Spinner label={common.Loading} />}
      {d && (
        <>
          {canEdit && <Toolbar items={[{ key: "new", text: strings.NewAgreement, iconName: "Add", onClick: () => setStarting(true) }]} />}
          <Tabs ariaLabel={strings.Title} onChange={onTab}>
            <Tab headerText={strings.Tabs.register} itemKey="register">
              <Register agreements={d.agreements} items={d.items} partners={d.partners} role={user.role} today={services.today} onOpen={(a) => setOpenId(a.id)} viewOwner={{ siteUrl: services.site?.url ?? "", user: user.email || String(user.id) }} />
            </Tab>
            <Tab headerText={strings.Tabs.calendar} itemKey="calendar">
              {whenLoaded(more, (m) => <ReviewCalendar service={m.terms} notifications={m.notifications} canEdit={canEdit} pageUrl={pageUrl()} onOpen={(a) => setOpenId(a.id)} takeEarlyRead={takeCalendarRead} />)}
            </Tab>
            <Tab headerText={strings.Tabs.partners} itemKey="partners">
              {whenLoaded(more, (m) => <PartnersView partners={d.partners} canEdit={canEdit} service={m.service} onChanged={load.reload} />)}
            </Tab>
            {canEdit && (
              <Tab headerText={strings.Tabs.import} itemKey="import">
                <RegisterImportTab data={data} user={user} today={services.today} onImported={load.reload} />
              </Tab>
            )}
            <Tab headerText={strings.Tabs.settings} itemKey="settings">
              {whenLoaded(more, (m) => (
                <>
                  <SettingsView service={m.terms} canEdit={canEdit} onSaved={load.reload} />
                  <PortalPageSetting service={m.portalPage} canEdit={canEdit} onSaved={load.reload} />
                </>
              ))}
            </Tab>
            {user.canManageSite && services.setup && (
              <Tab headerText={common.Setup.Title} itemKey="setup">
                <SiteSetupView services={services} user={user} onDone={load.reload} />
              </Tab>
            )}
          </Tabs>
          {starting && whenLoaded(more, (m) => (
            <StartAgreementPanel
              partners={d.partners}
              departments={d.departments}
              service={m.service}
              defaultTerms={d.rules.terms}
              today={services.today}
              onClose={() => setStarting(false)}
              onPartnerAdded={load.reload}
              onCreated={(id) => {
                setStarting(false);
                load.reload();
                setOpenId(id);
              }}
            />
          ))}
          {openId !== null && whenLoaded(more, (m) => (
            <AgreementPanel agreementId={openId} canEdit={canEdit} departments={d.departments} partners={d.partners} service={m.service} terms={m.terms} rules={d.rules} today={services.today} notifications={m.notifications} portalUrl={portalPageUrl(d.settings, services.site?.url ?? "")} onClose={() => setOpenId(null)} onChanged={load.reload} />
          ))}
        </>
      )}
    </>
  );
}

// The first view is the register; every other tab and the panels come in chunks of their own.
const ReviewCalendar = lazyNamed(() => import(/* webpackChunkName: "pd-agreements-calendar" */ "./ReviewCalendar").then((m) => m.ReviewCalendar));
const PartnersView = lazyNamed(() => import(/* webpackChunkName: "pd-agreements-partners" */ "./PartnersView").then((m) => m.PartnersView));
const PortalPageSetting = lazyNamed(() => import(/* webpackChunkName: "pd-agreements-settings" */ "./PortalPageSetting").then((m) => m.PortalPageSetting));
const SettingsView = lazyNamed(() => import(/* webpackChunkName: "pd-agreements-settings" */ "./SettingsView").then((m) => m.SettingsView));
const StartAgreementPanel = lazyNamed(() => import(/* webpackChunkName: "pd-agreements-start" */ "./StartAgreementPanel").then((m) => m.StartAgreementPanel));
const AgreementPanel = lazyNamed(() => import(/* webpackChunkName: "pd-agreement-panel" */ "./AgreementPanel").then((m) => m.AgreementPanel));
const SiteSetupView = lazyNamed(() => import(/* webpackChunkName: "pd-site-setup-view" */ "../../../components/SiteSetup/SiteSetupView").then((m) => m.SiteSetupView));
/** The register import (and its date and clause readers) is a coordinator's once-in-a-while task. */
const RegisterImportTab = lazyNamed(() => import(/* webpackChunkName: "register-import" */ "./RegisterImportView").then((m) => m.RegisterImportTab));

/** This page, for the link in a reminder (the hash is the workbench's own state). */
const pageUrl = (): string => (typeof window === "undefined" ? "" : window.location.href.split("#")[0]);

/** 協定管理: register, review calendar and partners; each agreement opens to its whole story. */
export function AgreementsRoot({ services }: IAgreementsRootProps): JSX.Element {
  // The register is read while the frame reads who is signed in (one round trip, not two),
  // from onInit where the web part started it (services.firstReads).
  const early = useEarlyRead(() => services.firstReads?.take("register") ?? readRegister(services.data));
  return <AppFrame services={services} title={strings.Title} onNotSetUp={early.discard}>{(user) => <Agreements services={services} user={user} early={early} />}</AppFrame>;
}
