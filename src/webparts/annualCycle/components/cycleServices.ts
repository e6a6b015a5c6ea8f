import type { CurrentUser, IPartnershipData, ITeamsNotifier } from "../../../data/contracts";
import { MatchingService } from "../../../data/services/MatchingService";
import { NotificationService } from "../../../data/services/NotificationService";
import { RequestContactService } from "../../../data/services/RequestContactService";
import { PortalPageService } from "../../../data/services/PortalPageService";

export interface CycleServices {
  notifications: NotificationService;
  matching: MatchingService;
  /** The coordinator's contact in the letters to partners. */
  requestContact: RequestContactService;
  /** The setting 部署ポータルのページ, for the portal link in posts. */
  portalPage: PortalPageService;
}

/** What the calls, matching and channels tabs write and notify with: a chunk of its own, fetched while the year is read. */
export function cycleServices(data: IPartnershipData, user: CurrentUser, today: string, notifier: ITeamsNotifier, siteUrl: string): CycleServices {
  return { notifications: new NotificationService(data, notifier), matching: new MatchingService(data, user, today), requestContact: new RequestContactService(data, user, today), portalPage: new PortalPageService(data, user, today, siteUrl) };
}
