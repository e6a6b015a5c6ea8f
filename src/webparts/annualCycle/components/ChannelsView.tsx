import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField, Toggle } from "@fluentui/react";
import { ResponsiveList } from "../../../components/ResponsiveList";
import { noticeProblemText } from "../../../components/noticeProblem";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { problemText } from "../../../components/problems";
import type { MatchingService } from "../../../data/services/MatchingService";
import type { NotificationService } from "../../../data/services/NotificationService";
import { escapeHtml } from "../../../domain/text";
import { useLoad } from "../../../components/hooks/useLoad";
import type { Department } from "../../../domain/types";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";

/**
 * Each department's team and channel, shown by name (issue 33, point 9), chosen in a picker
 * (or given by ids there for a team the coordinator is not in), with a test message.
 */
export function ChannelsView({ departments, canEdit, service, notifications, onChanged }: { departments: Department[]; canEdit: boolean; service: MatchingService; notifications: NotificationService; onChanged: () => void }): JSX.Element {
  const [info, setInfo] = React.useState<{ ok: boolean; text: string } | null>(null);
  const action = useAction();
  const [savingId, setSavingId] = React.useState<number | null>(null);
  const [groups, setGroups] = React.useState<Record<number, string>>({});
  const [picking, setPicking] = React.useState<Department | null>(null);
  const columns: IColumn[] = [
    { key: "dept", name: strings.Channels.department, minWidth: 140, isMultiline: true, headerClassName: frameStyles.wrapHeader, onRender: (d: Department) => d.title },
    {
      key: "channel",
      name: strings.Channels.channelColumn,
      minWidth: 200,
      isMultiline: true,
      headerClassName: frameStyles.wrapHeader,
      onRender: (d: Department) =>
        !d.teamId ? (
          <span style={{ color: "#605e5c" }}>{strings.Channels.notSet}</span>
        ) : d.teamName ? (
          <span style={{ overflowWrap: "anywhere" }}>
            {d.teamName}
            <br />
            <span style={{ color: "#605e5c" }}>{d.channelName}</span>
          </span>
        ) : (
          <span style={{ color: "#605e5c", overflowWrap: "anywhere" }}>{strings.Channels.namesUnknown}</span>
        ),
    },
    {
      key: "group",
      name: strings.Channels.group,
      minWidth: 200,
      headerClassName: frameStyles.wrapHeader,
      onRender: (d: Department) => (
        <Stack horizontal wrap verticalAlign="start" tokens={{ childrenGap: 4 }}>
          <TextField
            ariaLabel={`${strings.Channels.group}: ${d.title}`}
            placeholder={strings.Channels.groupPlaceholder}
            value={groups[d.id] ?? d.groupLogin}
            readOnly={!canEdit}
            onChange={(_, v) => setGroups((g) => ({ ...g, [d.id]: v ?? "" }))}
            errorMessage={savingId === d.id ? problemText({ invalidGroupLogin: strings.Channels.invalidGroupLogin }, action.problems, "groupLogin", strings.Channels.invalidGroupLogin) : undefined}
            styles={{ root: { flexGrow: 1, minWidth: 0 } }}
          />
          {canEdit && groups[d.id] !== undefined && groups[d.id] !== d.groupLogin && (
            <DefaultButton
              text={strings.Channels.save}
              ariaLabel={`${strings.Channels.group} ${strings.Channels.save}: ${d.title}`}
              disabled={action.busy}
              onClick={async () => {
                setSavingId(d.id);
                if (await action.run(() => service.saveDepartmentGroup(d, groups[d.id]))) {
                  setInfo({ ok: true, text: strings.Channels.groupSaved });
                  setGroups((g) => {
                    const rest = { ...g };
                    delete rest[d.id];
                    return rest;
                  });
                  onChanged();
                }
              }}
            />
          )}
        </Stack>
      ),
    },
    {
      key: "act",
      name: "",
      minWidth: 220,
      onRender: (d: Department) =>
        canEdit && (
          <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
            <DefaultButton text={strings.Channels.pick} ariaLabel={`${strings.Channels.pick}: ${d.title}`} disabled={action.busy} onClick={() => setPicking(d)} />
            <DefaultButton
              text={strings.Channels.test}
              ariaLabel={`${strings.Channels.test}: ${d.title}`}
              disabled={action.busy || !d.teamId}
              onClick={() =>
                void action.run(async () => {
                  const n = await service.testMessage(d, notifications, { html: `<p>${escapeHtml(strings.Channels.testMessage)}</p>` });
                  setInfo(n.status === "sent" ? { ok: true, text: strings.Channels.testSent } : { ok: false, text: fmt(strings.Channels.testFailed, noticeProblemText(n.error)) });
                })
              }
            />
          </Stack>
        ),
    },
  ];
  return (
    <>
      <MessageBar>{strings.Channels.howTo}</MessageBar>
      <ErrorBar error={action.error} />
      {info && <MessageBar messageBarType={info.ok ? MessageBarType.success : MessageBarType.error} onDismiss={() => setInfo(null)}>{info.text}</MessageBar>}
      <ResponsiveList items={departments.filter((d) => d.active)} columns={columns} getKey={(d: Department) => String(d.id)} ariaLabel={strings.Channels.heading} />
      {picking && (
        <ChannelPicker
          department={picking}
          service={service}
          notifications={notifications}
          onClose={() => setPicking(null)}
          onSaved={() => {
            setPicking(null);
            setInfo({ ok: true, text: strings.Channels.saved });
            onChanged();
          }}
        />
      )}
    </>
  );
}

/**
 * Choose a department's channel: the teams the coordinator belongs to (Graph /me/joinedTeams),
 * then that team's channels; or, for a team the coordinator is not in, the ids from the
 * channel's link. Saving keeps the names beside the ids, so the list shows names.
 */
function ChannelPicker({ department, service, notifications, onClose, onSaved }: { department: Department; service: MatchingService; notifications: NotificationService; onClose: () => void; onSaved: () => void }): JSX.Element {
  const teams = useLoad(() => notifications.teams(), [notifications]);
  const [teamId, setTeamId] = React.useState<string | null>(department.teamId || null);
  const channels = useLoad(() => (teamId ? notifications.channels(teamId) : Promise.resolve([])), [teamId]);
  const [channelId, setChannelId] = React.useState<string | null>(department.channelId || null);
  const [byId, setById] = React.useState(false);
  const [ids, setIds] = React.useState({ teamId: department.teamId, channelId: department.channelId });
  const action = useAction();
  const inTeam = (channels.data ?? []).some((c) => c.id === channelId);
  const err = (field: string): string | undefined => problemText({ invalidTeamId: strings.Channels.invalidTeamId, invalidChannelId: strings.Channels.invalidChannelId, required: common.FieldProblems.required }, action.problems, field, common.FieldProblems.required);
  const save = async (): Promise<void> => {
    const ok = await action.run(async () => {
      if (byId) {
        // Names where Graph can tell them; the ids are checked for shape by the service either way.
        const names = await notifications.channelNames(ids.teamId.trim(), ids.channelId.trim()).catch(() => ({ teamName: "", channelName: "" }));
        await service.saveChannel(department, ids.teamId, ids.channelId, names);
      } else if (teamId && channelId) {
        const team = teams.data?.find((t) => t.id === teamId);
        const channel = channels.data?.find((c) => c.id === channelId);
        await service.saveChannel(department, teamId, channelId, { teamName: team?.displayName ?? "", channelName: channel?.displayName ?? "" });
      }
    });
    if (ok) onSaved();
  };
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Channels.pickHeading, subText: department.title }} minWidth={320} maxWidth={560} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error ?? teams.error ?? channels.error} onReload={action.error ? undefined : teams.error ? teams.reload : channels.reload} />
      {teams.loading && !teams.data && <Spinner label={strings.Channels.loadingTeams} />}
      {teams.data && !byId && (
        <Stack tokens={{ childrenGap: 8 }}>
          {teams.data.length === 0 && <MessageBar messageBarType={MessageBarType.warning}>{strings.Channels.noTeams}</MessageBar>}
          <Dropdown
            label={strings.Channels.team}
            selectedKey={teamId ?? undefined}
            options={teams.data.map((t) => ({ key: t.id, text: t.displayName }))}
            onChange={(_, o) => {
              if (!o) return;
              setTeamId(String(o.key));
              setChannelId(null);
            }}
          />
          {teamId && !teams.data.some((t) => t.id === teamId) && <MessageBar messageBarType={MessageBarType.warning}>{strings.Channels.notMemberOfCurrent}</MessageBar>}
          <Dropdown
            label={strings.Channels.channel}
            disabled={!teamId || channels.loading}
            selectedKey={inTeam ? (channelId ?? undefined) : undefined}
            options={(channels.data ?? []).map((c) => ({ key: c.id, text: c.membershipType === "private" ? `${c.displayName}（${strings.Channels.private}）` : c.displayName }))}
            onChange={(_, o) => o && setChannelId(String(o.key))}
          />
        </Stack>
      )}
      <Toggle label={strings.Channels.byId} checked={byId} onChange={(_, v) => setById(!!v)} styles={{ root: { marginTop: 12 } }} />
      {byId && (
        <Stack tokens={{ childrenGap: 8 }}>
          <Text variant="small">{strings.Channels.byIdHelp}</Text>
          <TextField label={strings.Channels.teamId} value={ids.teamId} onChange={(_, v) => setIds((x) => ({ ...x, teamId: v ?? "" }))} errorMessage={err("teamId")} />
          <TextField label={strings.Channels.channelId} value={ids.channelId} onChange={(_, v) => setIds((x) => ({ ...x, channelId: v ?? "" }))} errorMessage={err("channelId")} />
        </Stack>
      )}
      <DialogFooter>
        <PrimaryButton text={strings.Channels.useThis} disabled={action.busy || (byId ? false : !teamId || !channelId || !inTeam)} onClick={() => void save()} />
        <DefaultButton text={strings.Channels.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}
