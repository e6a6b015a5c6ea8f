/**
 * Switchable faults, so tests and the workbench can see how the product behaves when
 * SharePoint or Graph misbehave. Each counter is the number of coming requests that
 * fail that way; `POST /_dev/faults` with a JSON body sets them.
 */
export interface FaultState {
  /** SharePoint REST (including $batch) answers 429 Too Many Requests with Retry-After. */
  sp429: number;
  /** SharePoint REST answers 503 Service Unavailable with Retry-After. */
  sp503: number;
  /** The next item updates answer 412 as if someone else had just saved. */
  sp412: number;
  /** A $batch answer is cut off after its first part (connection dropped). */
  spDropBatch: number;
  /** A write (any request but GET, including a $batch) is carried out and committed, then the connection drops before any answer. */
  spDropAfterCommit: number;
  graph403: number;
  graph429: number;
  graph500: number;
  /** A channel message POST answers 503 with Retry-After, nothing stored. */
  graph503: number;
  /** A channel message POST is stored, then answered 504 Gateway Timeout (a gateway stopped waiting for Teams). */
  graph504AfterStore: number;
  /** A channel message POST is stored, then the connection drops before any answer. */
  graphDropAfterStore: number;
  /** Seconds sent in Retry-After. */
  retryAfterSeconds: number;
}

export const noFaults = (): FaultState => ({
  sp429: 0,
  sp503: 0,
  sp412: 0,
  spDropBatch: 0,
  spDropAfterCommit: 0,
  graph403: 0,
  graph429: 0,
  graph500: 0,
  graph503: 0,
  graph504AfterStore: 0,
  graphDropAfterStore: 0,
  retryAfterSeconds: 1,
});

export class Faults {
  state: FaultState = noFaults();

  set(patch: Partial<FaultState>): FaultState {
    for (const [k, v] of Object.entries(patch)) {
      if (k in this.state && typeof v === "number" && v >= 0) (this.state as unknown as Record<string, number>)[k] = v;
    }
    return this.state;
  }

  /** Consumes one occurrence of a fault if it is switched on. */
  take(name: Exclude<keyof FaultState, "retryAfterSeconds">): boolean {
    if (this.state[name] > 0) {
      this.state[name] -= 1;
      return true;
    }
    return false;
  }
}
