import type { CurrentUser, IPartnershipData, ITeamsNotifier } from "../../../data/contracts";
import { MatchingService } from "../../../data/services/MatchingService";
import { NotificationService } from "../../../data/services/NotificationService";

export interface CycleServices {
  notifications: NotificationService;
  matching: MatchingService;
}

/** What the calls, matching and channels tabs write and notify with: a chunk of its own, fetched while the year is read. */
export function cycleServices(data: IPartnershipData, user: CurrentUser, today: string, notifier: ITeamsNotifier): CycleServices {
  return { notifications: new NotificationService(data, notifier), matching: new MatchingService(data, user, today) };
}
