import type { IPartnershipData, ITeamsNotifier } from "../data/contracts";

/** What every web part's React root receives: the data layer and the Teams notifier. */
export interface IAppServices {
  data: IPartnershipData;
  notifier: ITeamsNotifier;
  /** "Today" in the city; injectable so screens and tests agree on the date. */
  today: string;
}
