import type { ITeamsNotifier } from "../contracts";

/**
 * The Teams notifier, its code fetched when the first notice is sent or the first team is looked
 * up (a chunk of its own): most pages of the product never post to Teams. A fetch that failed is
 * tried again on the next call.
 */
export function lazyNotifier(load: () => Promise<Required<ITeamsNotifier>>): Required<ITeamsNotifier> {
  let notifier: Promise<Required<ITeamsNotifier>> | null = null;
  const get = (): Promise<Required<ITeamsNotifier>> =>
    (notifier = notifier ?? load().catch((e: unknown) => {
      notifier = null;
      throw e;
    }));
  return {
    postChannelMessage: async (teamId, channelId, message) => (await get()).postChannelMessage(teamId, channelId, message),
    joinedTeams: async () => (await get()).joinedTeams(),
    channels: async (teamId) => (await get()).channels(teamId),
  };
}
