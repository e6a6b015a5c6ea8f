/**
 * The city's directory as the local backend knows it: its departments (the sample Departments
 * list) and the Microsoft Teams teams and channels that exist in the tenant, with their members.
 * Graph answers from here: a team or channel not in it does not exist (404); a post or a channel
 * list by someone who is not a member of the team is refused (403).
 */
import { siteUsers } from "./users";

/** Deterministic GUID-shaped ids so the seeded channels look like real Teams ids. */
export function fakeGuid(n: number): string {
  const h = (n * 2654435761) >>> 0;
  const hex = (h.toString(16).padStart(8, "0") + ((h ^ 0x5bd1e995) >>> 0).toString(16).padStart(8, "0")).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const seedDepartments: Array<[code: string, dept: string, div: string, channel: boolean]> = [
  ["kikaku-mirai", "企画部", "未来創造課", true],
  ["kikaku-koho", "企画部", "秘書広報課", true],
  ["somu-bosai", "総務部", "防災防犯課", true],
  ["somu-joho", "総務部", "情報政策課", false],
  ["kodomo-kosodate", "子ども家庭部", "子育て支援課", true],
  ["kenko-suishin", "健康福祉部", "健康推進課", true],
  ["kenko-korei", "健康福祉部", "高齢支援課", true],
  ["shimin-kankyo", "市民環境部", "環境課", true],
  ["shimin-sangyo", "市民環境部", "産業振興課", true],
  ["toshi-doro", "都市整備部", "道路交通課", false],
  ["kyoiku-somu", "教育部", "教育総務課", true],
  ["kyoiku-shogai", "教育部", "生涯学習スポーツ課", true],
];

export interface GraphChannel {
  id: string;
  displayName: string;
  membershipType: "standard" | "private";
  /** For a private channel: its own members (user ids). */
  memberIds?: number[];
}

export interface GraphTeam {
  id: string;
  displayName: string;
  memberIds: number[];
  channels: GraphChannel[];
}

/** The coordinators (未来創造課) rarely belong to every department's team: here, not to these two. */
export const TEAMS_COORDINATOR_NOT_IN = ["shimin-sangyo", "kyoiku-shogai"];

const COORDINATOR_ID = 7;

/** The team and channel of each sample department with a channel (the ids the sample Departments list holds). */
export function departmentTeam(i: number): { teamId: string; channelId: string } {
  return { teamId: fakeGuid(i + 1), channelId: `19:${fakeGuid(i + 101).replace(/-/g, "")}@thread.tacv2` };
}

export const graphTeams: GraphTeam[] = [
  ...seedDepartments
    .map(([code, dept, div, channel], i) => ({ code, dept, div, channel, i }))
    .filter((d) => d.channel)
    .map((d) => {
      const { teamId, channelId } = departmentTeam(d.i);
      const staff = siteUsers.filter((u) => u.departments.includes(d.code)).map((u) => u.Id);
      return {
        id: teamId,
        displayName: `${d.dept} ${d.div}`,
        memberIds: [...new Set([...staff, ...(TEAMS_COORDINATOR_NOT_IN.includes(d.code) ? [] : [COORDINATOR_ID])])],
        channels: [
          { id: channelId, displayName: "一般", membershipType: "standard" as const },
          { id: `19:${fakeGuid(d.i + 201).replace(/-/g, "")}@thread.tacv2`, displayName: "係内（非公開）", membershipType: "private" as const, memberIds: staff },
        ],
      };
    }),
  // Teams the tests and the workbench use for departments added later (ids as a coordinator would paste them).
  {
    id: "0b6a9d4e-7f3c-4d2a-9a51-2c8e4f6b1a03",
    displayName: "企画部 連携推進チーム",
    memberIds: [COORDINATOR_ID],
    channels: [{ id: "19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2", displayName: "一般", membershipType: "standard" }],
  },
  {
    id: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
    displayName: "総務部 情報政策課",
    memberIds: [COORDINATOR_ID],
    channels: [
      { id: "19:abcdefabcdefabcdefabcdef@thread.tacv2", displayName: "一般", membershipType: "standard" },
      { id: "19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.tacv2", displayName: "連携", membershipType: "standard" },
    ],
  },
  {
    id: "3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f607",
    displayName: "市民環境部 観光課",
    memberIds: [COORDINATOR_ID],
    channels: [{ id: "19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.tacv2", displayName: "一般", membershipType: "standard" }],
  },
];

export function findTeam(id: string): GraphTeam | undefined {
  return graphTeams.find((t) => t.id.toLowerCase() === id.toLowerCase());
}

/** Whether the user may post in (and read) the channel: a member of the team, and of a private channel. */
export function canUseChannel(team: GraphTeam, channel: GraphChannel, userId: number): boolean {
  if (!team.memberIds.includes(userId)) return false;
  return channel.membershipType !== "private" || (channel.memberIds ?? []).includes(userId);
}
