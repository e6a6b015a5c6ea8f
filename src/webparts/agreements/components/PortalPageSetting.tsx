import * as React from "react";
import { MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { PortalPageStatus } from "../../../components/SiteSetup/PortalPageCheck";
import type { PortalPageCheck, PortalPageService } from "../../../data/services/PortalPageService";
import { isRuleError } from "../../../data/services/ServiceBase";

const P = strings.PortalPage;

/**
 * 設定 › 部署ポータルのページ: the page where the department portal web part is placed. Saving
 * reads the page (REST) and says whether it is there; a value that is not a page of this site
 * is refused at the field.
 */
export function PortalPageSetting({ service, canEdit, onSaved }: { service: PortalPageService; canEdit: boolean; onSaved: () => void }): JSX.Element {
  const load = useLoad(() => service.read(), [service]);
  const action = useAction();
  const [value, setValue] = React.useState<string | null>(null);
  const [saved, setSaved] = React.useState<PortalPageCheck | null>(null);
  const [fieldError, setFieldError] = React.useState("");
  if (!load.data) return load.loading ? <Spinner label={common.Loading} /> : <ErrorBar error={load.error} onReload={load.reload} />;
  const current = value ?? load.data.value;
  const save = async (): Promise<void> => {
    setFieldError("");
    setSaved(null);
    let outcome: PortalPageCheck | null = null;
    const ok = await action.run(async () => {
      try {
        outcome = await service.save(current, load.data!.row);
      } catch (e) {
        if (isRuleError(e)) {
          const code = e.problems[0]?.code as keyof typeof common.PortalPage.Problems;
          setFieldError(common.PortalPage.Problems[code] ?? e.message);
          return;
        }
        throw e;
      }
    });
    if (ok && outcome) {
      setSaved(outcome);
      setValue(null);
      load.reload();
      onSaved();
    }
  };
  return (
    <Stack tokens={{ childrenGap: 8 }} style={{ maxWidth: 760, marginTop: 24 }} role="region" aria-label={P.heading}>
      <Text as="h3" className={frameStyles.sectionTitle}>
        {P.heading}
      </Text>
      <Text>{P.intro}</Text>
      <ErrorBar error={action.error} onReload={load.reload} />
      <TextField label={P.label} value={current} readOnly={!canEdit} onChange={(_, v) => setValue(v ?? "")} errorMessage={fieldError || undefined} styles={{ field: { overflowWrap: "anywhere" } }} />
      {saved && <MessageBar messageBarType={MessageBarType.success} role="status">{P.saved}</MessageBar>}
      <PortalPageStatus check={saved ?? load.data.check} />
      {canEdit && (
        <Stack horizontal>
          <PrimaryButton text={P.save} disabled={action.busy} onClick={() => void save()} />
        </Stack>
      )}
    </Stack>
  );
}
