/**
 * When the page's first SharePoint batch has gone out. A web part's view code is fetched after
 * its first reads' batch has been handed to the browser, not beside it: PnPjs sends each request
 * from a timer (Queryable.execute schedules it with setTimeout), so a view's chunks arriving and
 * being compiled in the meantime would hold the request back by their compile time (40–90 ms of a
 * 2-core machine's main thread, measured by the bench), while the answer takes longer than the
 * code in any case. The code is fetched at `maxWaitMs` at the latest, so a slow /_api/contextinfo
 * or a failed first request never holds the view back for long.
 */
let sent = false;
const waiting: Array<() => void> = [];

/** Called by the send step (SafeRetry) with each request it sends. */
export function noteSending(url: string): void {
  if (sent || !/\/_api\/\$batch(\?|$)/i.test(url)) return;
  sent = true;
  waiting.splice(0).forEach((go) => go());
}

/** Resolves once the page's first `$batch` has been sent, or after `maxWaitMs`. */
export function firstBatchSent(maxWaitMs = 150): Promise<void> {
  if (sent) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, maxWaitMs);
    function done(): void {
      clearTimeout(timer);
      const i = waiting.indexOf(done);
      if (i >= 0) waiting.splice(i, 1);
      resolve();
    }
    waiting.push(done);
  });
}
