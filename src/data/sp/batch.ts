import { toDataError } from "./errors";

/**
 * Runs a PnPjs batch and settles every part. When the batch request itself fails (no answer,
 * 5xx), PnPjs leaves the parts it never answered pending forever; here they fail with the
 * batch's own error, typed (a write batch that got no answer: kind "network", outcomeUnknown),
 * so no caller waits forever and every screen ends with a result or a message.
 */
export async function runBatch<T>(execute: () => Promise<void>, pending: Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  let failure: unknown;
  let failed = false;
  try {
    await execute();
  } catch (e) {
    failed = true;
    failure = e;
  }
  if (!failed) return Promise.allSettled(pending);
  const err = toDataError(failure);
  // A part already answered keeps its own outcome (it is settled first); the rest get the batch's error.
  return Promise.all(
    pending.map((p) =>
      Promise.race([p, Promise.reject(err)]).then(
        (value) => ({ status: "fulfilled" as const, value: value as T }),
        (reason: unknown) => ({ status: "rejected" as const, reason }),
      ),
    ),
  );
}

/** The first failure of a settled batch (other than those `ignore` accepts), typed. */
export function firstFailure(settled: PromiseSettledResult<unknown>[], ignore: (e: unknown) => boolean = () => false): unknown {
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected" && !ignore(r.reason));
  return failed ? toDataError(failed.reason) : undefined;
}
