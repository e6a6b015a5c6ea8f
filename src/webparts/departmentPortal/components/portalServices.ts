import type { CurrentUser, IPartnershipData } from "../../../data/contracts";
import { AgreementService } from "../../../data/services/AgreementService";
import { CycleService } from "../../../data/services/CycleService";
import { MatchingService } from "../../../data/services/MatchingService";
import { ResultsService } from "../../../data/services/ResultsService";

export interface PortalServices {
  agreements: AgreementService;
  cycle: CycleService;
  matching: MatchingService;
  results: ResultsService;
}

/**
 * What the portal writes with (survey answers, proposals, wishes, Form 4). The portal's lists are
 * read by the page itself, so these come in a chunk of their own, fetched while it reads.
 */
export function portalServices(data: IPartnershipData, user: CurrentUser, today: string): PortalServices {
  return { agreements: new AgreementService(data, user, today), cycle: new CycleService(data, user, today), matching: new MatchingService(data, user, today), results: new ResultsService(data, user, today) };
}
