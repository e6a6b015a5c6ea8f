import * as React from "react";
import { CommandBar, MessageBar, Pivot, PivotItem, Spinner } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useLoad } from "../../../components/hooks/useLoad";
import { read, CurrentUser } from "../../../data/contracts";
import { AgreementService } from "../../../data/services/AgreementService";
import { canEditAgreements } from "../../../domain/roles";
import { visibleAgreements } from "../../../domain/agreements";
import { Register } from "./Register";
import { ReviewCalendar } from "./ReviewCalendar";
import { PartnersView } from "./PartnersView";
import { StartAgreementPanel } from "./StartAgreementPanel";
import { AgreementPanel } from "./AgreementPanel";

export interface IAgreementsRootProps {
  services: IAppServices;
}

function Agreements({ services, user }: { services: IAppServices; user: CurrentUser }): JSX.Element {
  const { data } = services;
  const service = React.useMemo(() => new AgreementService(data, user, services.today), [data, user, services.today]);
  // The register, its items, partners and departments: one batched request.
  const load = useLoad(
    () => data.readMany({ agreements: read(data.agreements), items: read(data.partnershipItems), partners: read(data.partners), departments: read(data.departments) }),
    [data],
  );
  const [openId, setOpenId] = React.useState<number | null>(null);
  const [starting, setStarting] = React.useState(false);
  const canEdit = canEditAgreements(user.role);
  const d = load.data;
  return (
    <>
      <ErrorBar error={load.error} onReload={load.reload} />
      {!canEdit && <MessageBar>{strings.ReadOnlyNotice}</MessageBar>}
      {load.loading && !d && <Spinner label={common.Loading} />}
      {d && (
        <>
          {canEdit && <CommandBar items={[{ key: "new", text: strings.NewAgreement, iconProps: { iconName: "Add" }, onClick: () => setStarting(true) }]} />}
          <Pivot aria-label={strings.Title}>
            <PivotItem headerText={strings.Tabs.register} itemKey="register">
              <Register agreements={d.agreements} items={d.items} partners={d.partners} role={user.role} today={services.today} onOpen={(a) => setOpenId(a.id)} />
            </PivotItem>
            <PivotItem headerText={strings.Tabs.calendar} itemKey="calendar">
              <ReviewCalendar agreements={visibleAgreements(user.role, d.agreements)} today={services.today} onOpen={(a) => setOpenId(a.id)} />
            </PivotItem>
            <PivotItem headerText={strings.Tabs.partners} itemKey="partners">
              <PartnersView partners={d.partners} canEdit={canEdit} service={service} onChanged={load.reload} />
            </PivotItem>
          </Pivot>
          {starting && (
            <StartAgreementPanel
              partners={d.partners}
              departments={d.departments}
              service={service}
              today={services.today}
              onClose={() => setStarting(false)}
              onCreated={(id) => {
                setStarting(false);
                load.reload();
                setOpenId(id);
              }}
            />
          )}
          {openId !== null && (
            <AgreementPanel agreementId={openId} canEdit={canEdit} departments={d.departments} service={service} today={services.today} onClose={() => setOpenId(null)} onChanged={load.reload} />
          )}
        </>
      )}
    </>
  );
}

/** 協定管理: register, review calendar and partners; each agreement opens to its whole story. */
export function AgreementsRoot({ services }: IAgreementsRootProps): JSX.Element {
  return <AppFrame services={services} title={strings.Title}>{(user) => <Agreements services={services} user={user} />}</AppFrame>;
}
