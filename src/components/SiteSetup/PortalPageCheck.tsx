import * as React from "react";
import { MessageBar, MessageBarType, Spinner, Stack, Text } from "@fluentui/react";
import * as common from "CommonStrings";
import type { CurrentUser } from "../../data/contracts";
import { PortalPageService } from "../../data/services/PortalPageService";
import type { PortalPageCheck } from "../../data/services/PortalPageService";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { fmt } from "../format";
import { useLoad } from "../hooks/useLoad";
import type { IAppServices } from "../IAppServices";

const P = common.PortalPage;

/** What is known of the department portal's page, as one message: found (success), otherwise a warning saying what to do. */
export function PortalPageStatus({ check }: { check: PortalPageCheck }): JSX.Element {
  const [type, text] =
    check.state === "found"
      ? [MessageBarType.success, fmt(P.Found, check.path)]
      : check.state === "notSet"
        ? [MessageBarType.warning, P.NotSet]
        : check.state === "invalid"
          ? [MessageBarType.warning, `${fmt(P.Invalid, check.value)} ${P.Problems[check.problem]}`]
          : check.state === "missing"
            ? [MessageBarType.warning, fmt(P.Missing, check.path)]
            : [MessageBarType.warning, fmt(P.Forbidden, check.path)];
  return (
    <MessageBar messageBarType={type} isMultiline styles={{ text: { overflowWrap: "anywhere" } }}>
      {text}
    </MessageBar>
  );
}

/** Site setup's check of the setting 部署ポータルのページ: the page named is read with REST, and a missing or unset page is a warning. */
export function PortalPageCheckView({ services, user, siteUrl }: { services: IAppServices; user: CurrentUser; siteUrl: string }): JSX.Element {
  const service = React.useMemo(() => new PortalPageService(services.data, user, services.today, siteUrl), [services, user, siteUrl]);
  const load = useLoad(() => service.read(), [service]);
  return (
    <Stack tokens={{ childrenGap: 8 }} role="region" aria-label={P.Heading}>
      <Text as="h4" variant="mediumPlus">
        {P.Heading}
      </Text>
      {load.data ? <PortalPageStatus check={load.data.check} /> : load.loading ? <Spinner label={common.Loading} /> : <ErrorBar error={load.error} onReload={load.reload} />}
    </Stack>
  );
}
