import * as React from "react";
import { DefaultButton, DetailsList, Dialog, DialogFooter, DialogType, Dropdown, IColumn, MessageBar, MessageBarType, PrimaryButton, SelectionMode, Spinner, Stack, TextField } from "@fluentui/react";
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

/** Each department's team and channel, checked for shape, with a test message. */
export function ChannelsView({ departments, canEdit, service, notifications, onChanged }: { departments: Department[]; canEdit: boolean; service: MatchingService; notifications: NotificationService; onChanged: () => void }): JSX.Element {
  const [edits, setEdits] = React.useState<Record<number, { teamId: string; channelId: string }>>({});
  const [info, setInfo] = React.useState<{ ok: boolean; text: string } | null>(null);
  const action = useAction();
  const value = (d: Department): { teamId: string; channelId: string } => edits[d.id] ?? { teamId: d.teamId, channelId: d.channelId };
  const set = (d: Department, patch: Partial<{ teamId: string; channelId: string }>): void => setEdits((e) => ({ ...e, [d.id]: { ...value(d), ...patch } }));
  const [savingId, setSavingId] = React.useState<number | null>(null);
  const [groups, setGroups] = React.useState<Record<number, string>>({});
  const [picking, setPicking] = React.useState<Department | null>(null);
  const err = (d: Department, field: string): string | undefined => (savingId === d.id ? problemText({ invalidTeamId: strings.Channels.invalidTeamId, invalidChannelId: strings.Channels.invalidChannelId, required: common.FieldProblems.required }, action.problems, field, common.FieldProblems.required) : undefined);
  const columns: IColumn[] = [
    { key: "dept", name: strings.Channels.department, minWidth: 120, isMultiline: true, headerClassName: frameStyles.wrapHeader, onRender: (d: Department) => d.title },
    { key: "team", name: strings.Channels.teamId, minWidth: 180, headerClassName: frameStyles.wrapHeader, onRender: (d: Department) => <TextField ariaLabel={`${strings.Channels.teamId}: ${d.title}`} value={value(d).teamId} readOnly={!canEdit} onChange={(_, v) => set(d, { teamId: v ?? "" })} errorMessage={err(d, "teamId")} /> },
    { key: "channel", name: strings.Channels.channelId, minWidth: 200, headerClassName: frameStyles.wrapHeader, onRender: (d: Department) => <TextField ariaLabel={`${strings.Channels.channelId}: ${d.title}`} value={value(d).channelId} readOnly={!canEdit} onChange={(_, v) => set(d, { channelId: v ?? "" })} errorMessage={err(d, "channelId")} /> },
    {
      key: "group",
      name: strings.Channels.group,
      minWidth: 200,
      headerClassName: frameStyles.wrapHeader,
      onRender: (d: Department) => (
        <Stack horizontal verticalAlign="start" tokens={{ childrenGap: 4 }}>
          <TextField
            ariaLabel={`${strings.Channels.group}: ${d.title}`}
            placeholder={strings.Channels.groupPlaceholder}
            value={groups[d.id] ?? d.groupLogin}
            readOnly={!canEdit}
            onChange={(_, v) => setGroups((g) => ({ ...g, [d.id]: v ?? "" }))}
            errorMessage={savingId === d.id ? problemText({ invalidGroupLogin: strings.Channels.invalidGroupLogin }, action.problems, "groupLogin", strings.Channels.invalidGroupLogin) : undefined}
            styles={{ root: { flexGrow: 1 } }}
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
      minWidth: 160,
      onRender: (d: Department) =>
        canEdit && (
          <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
            <DefaultButton text={strings.Channels.pick} ariaLabel={`${strings.Channels.pick}: ${d.title}`} disabled={action.busy} onClick={() => setPicking(d)} />
            <PrimaryButton
              text={strings.Channels.save}
              ariaLabel={`${strings.Channels.save}: ${d.title}`}
              disabled={action.busy || !edits[d.id]}
              onClick={async () => {
                setSavingId(d.id);
                if (await action.run(() => service.saveChannel(d, value(d).teamId, value(d).channelId))) {
                  setInfo({ ok: true, text: strings.Channels.saved });
                  setEdits((e) => {
                    const rest = { ...e };
                    delete rest[d.id];
                    return rest;
                  });
                  onChanged();
                }
              }}
            />
            <DefaultButton
              text={strings.Channels.test}
              ariaLabel={`${strings.Channels.test}: ${d.title}`}
              disabled={action.busy || !d.teamId || !!edits[d.id]}
              onClick={() =>
                void action.run(async () => {
                  const n = await service.testMessage(d, notifications, { html: `<p>${escapeHtml(strings.Channels.testMessage)}</p>` });
                  setInfo(n.status === "sent" ? { ok: true, text: strings.Channels.testSent } : { ok: false, text: fmt(strings.Channels.testFailed, n.error) });
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
      <DetailsList items={departments.filter((d) => d.active)} columns={columns} selectionMode={SelectionMode.none} getKey={(d: Department) => String(d.id)} ariaLabelForGrid={strings.Channels.heading} />
      {picking && (
        <ChannelPicker
          department={picking}
          notifications={notifications}
          onClose={() => setPicking(null)}
          onPick={(teamId, channelId) => {
            set(picking, { teamId, channelId });
            setPicking(null);
          }}
        />
      )}
    </>
  );
}

/**
 * Choose a department's channel instead of pasting ids: the teams the coordinator belongs to
 * (Graph /me/joinedTeams), then that team's channels. The choice fills the row; 保存 saves it
 * and テスト送信 confirms it, as with pasted ids.
 */
function ChannelPicker({ department, notifications, onClose, onPick }: { department: Department; notifications: NotificationService; onClose: () => void; onPick: (teamId: string, channelId: string) => void }): JSX.Element {
  const teams = useLoad(() => notifications.teams(), [notifications]);
  const [teamId, setTeamId] = React.useState<string | null>(department.teamId || null);
  const channels = useLoad(() => (teamId ? notifications.channels(teamId) : Promise.resolve([])), [teamId]);
  const [channelId, setChannelId] = React.useState<string | null>(department.channelId || null);
  const inTeam = (channels.data ?? []).some((c) => c.id === channelId);
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Channels.pickHeading, subText: department.title }} minWidth={480} modalProps={{ isBlocking: true }}>
      <ErrorBar error={teams.error ?? channels.error} onReload={teams.error ? teams.reload : channels.reload} />
      {teams.loading && !teams.data && <Spinner label={strings.Channels.loadingTeams} />}
      {teams.data && (
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
      <DialogFooter>
        <PrimaryButton text={strings.Channels.useThis} disabled={!teamId || !channelId || !inTeam} onClick={() => teamId && channelId && onPick(teamId, channelId)} />
        <DefaultButton text={strings.Channels.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}
