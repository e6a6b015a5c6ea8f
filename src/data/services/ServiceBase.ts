import type * as D from "../../domain/types";
import { CurrentUser, DataError, IListRepository, IPartnershipData } from "../contracts";

/** Refused by the domain rules before anything was written. */
export class RuleError extends Error {
  constructor(readonly problems: Array<{ field: string; code: string; other?: string }>) {
    super(problems.map((p) => `${p.field}:${p.code}`).join(", "));
    this.name = "RuleError";
  }
}

export const isRuleError = (e: unknown): e is RuleError => e instanceof Error && e.name === "RuleError";

/**
 * What every service acting for a signed-in user holds — the data, the user, the city's
 * "today" and the clock — and the one check most of their operations begin with.
 */
export abstract class ServiceBase {
  /** What only coordinators may do here, for the refusal's message ("manage agreements"). */
  protected abstract readonly coordinatorsOnly: string;

  constructor(
    protected readonly data: IPartnershipData,
    protected readonly user: CurrentUser,
    protected readonly today: D.IsoDate,
    /** The current instant, for what is stamped with a time (the real clock unless a host fixes the day). */
    protected readonly now: () => Date = () => new Date(),
  ) {}

  protected requireCoordinator(): void {
    if (this.user.role !== "coordinator") throw new DataError("forbidden", `Only coordinators ${this.coordinatorsOnly}`, 403);
  }
}

/**
 * A write into a year's submission folder, with SharePoint's refusals said as a department
 * understands them: no folder yet (the call was not opened), or the folder locked (published).
 */
export async function intoSubmissionFolder<R>(write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (e) {
    const kind = (e as DataError).kind;
    if (kind === "notFound") throw new RuleError([{ field: "status", code: "submissionNotOpen" }]);
    if (kind === "forbidden") throw new RuleError([{ field: "status", code: "submissionClosed" }]);
    throw e;
  }
}

/**
 * Checks drafts against their list's columns (required, lengths…) before a service writes
 * anything, so an operation of several writes is refused whole rather than half made. The
 * same error the repository would give at the write.
 */
export function assertValid<T extends D.Stored>(repo: Pick<IListRepository<T>, "validate">, drafts: Array<Partial<D.Draft<T>>>): void {
  const problems = drafts.flatMap((d) => repo.validate(d, "add"));
  if (problems.length > 0) throw new DataError("validation", `Invalid values: ${problems.map((p) => `${p.prop}:${p.code}`).join(", ")}`, 400, problems);
}
