import type { CurrentUser, IPartnershipData, ITeamsNotifier } from "../../../data/contracts";
import { AgreementService } from "../../../data/services/AgreementService";
import { NotificationService } from "../../../data/services/NotificationService";
import { TermsService } from "../../../data/services/TermsService";
import { PortalPageService } from "../../../data/services/PortalPageService";

export interface AgreementsServices {
  service: AgreementService;
  terms: TermsService;
  notifications: NotificationService;
  portalPage: PortalPageService;
}

/**
 * What the panels and the other tabs write with. The register itself only reads, so these come in
 * a chunk of their own, fetched while the register's data is read.
 */
export function agreementsServices(data: IPartnershipData, user: CurrentUser, today: string, notifier: ITeamsNotifier, siteUrl = ""): AgreementsServices {
  return { service: new AgreementService(data, user, today), terms: new TermsService(data, user, today), notifications: new NotificationService(data, notifier), portalPage: new PortalPageService(data, user, today, siteUrl) };
}
