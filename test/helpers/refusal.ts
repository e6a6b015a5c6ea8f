import { DataError, isDataError } from "../../src/data/contracts";
import { isRuleError, RuleError } from "../../src/data/services/ServiceBase";

/** Awaits an operation that must be refused, by a rule or by the data layer, and returns the refusal. */
export async function refusal(p: Promise<unknown>): Promise<RuleError | DataError> {
  try {
    await p;
  } catch (e) {
    if (isRuleError(e) || isDataError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
