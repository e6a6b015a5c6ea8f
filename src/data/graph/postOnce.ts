/**
 * A POST to Graph is sent again only after 429, never after 503, 504 or a lost answer.
 *
 * The Graph JS client's default RetryHandler re-sends any request, a POST included, that is
 * answered 429, 503 or 504 (microsoft-graph-client 3.x, `RetryHandler.RETRY_STATUS_CODES`;
 * microsoftgraph/msgraph-sdk-javascript#143 "retrying 429s, 503s and 504s"). A 429 was refused
 * before anything was done, so sending it again is safe; a 503 or 504 may come after Teams
 * stored the message (a gateway that stopped waiting), and re-sending it posts it twice. A
 * dropped connection is not retried by the handler (msgraph-sdk-javascript#330).
 *
 * So a POST carries its own RetryHandlerOptions whose shouldRetry accepts only 429. The client
 * looks a request's options up by their class (`MiddlewareControl` keys them by
 * `option.constructor`), and SPFx's MSGraphClientV3 runs its own bundled copy of the library:
 * a `RetryHandlerOptions` imported from the npm package is a different class there and would be
 * ignored without a word. The class is therefore taken from the request's own middleware chain
 * (its RetryHandler's options), which is the right class for whichever copy built the request —
 * SPFx's in production, the npm package's for the local backend.
 */

type ShouldRetry = (delay: number, attempt: number, request: unknown, options: unknown, response: { status?: number } | undefined) => boolean;
type RetryOptionsClass = new (delay?: number, maxRetries?: number, shouldRetry?: ShouldRetry) => object;

interface ChainLink {
  nextMiddleware?: unknown;
  options?: unknown;
}
interface RetryOptionsLike {
  delay: number;
  maxRetries: number;
  shouldRetry: unknown;
  constructor: unknown;
}
interface RequestLike {
  post(content: unknown): Promise<unknown>;
}
/** A Graph client request's parts used here (GraphRequest keeps httpClient private in its typings). */
interface GraphRequestParts {
  middlewareOptions?: unknown;
  httpClient?: { middleware?: unknown };
}

/** Only a throttled request (429: Graph did nothing) is sent again. */
export const retryOnlyThrottled: ShouldRetry = (_delay, _attempt, _request, _options, response) => response?.status === 429;

const isRetryOptions = (o: unknown): o is RetryOptionsLike =>
  !!o && typeof o === "object" && typeof (o as RetryOptionsLike).shouldRetry === "function" && typeof (o as RetryOptionsLike).maxRetries === "number" && typeof (o as RetryOptionsLike).delay === "number" && typeof (o as RetryOptionsLike).constructor === "function";

/** The RetryHandler's options in a request's middleware chain (undefined if it has none, or is not a Graph client request). */
export function chainRetryOptions(request: unknown): RetryOptionsLike | undefined {
  let link = (request as GraphRequestParts | undefined)?.httpClient?.middleware as ChainLink | undefined;
  for (let i = 0; link && typeof link === "object" && i < 20; i++, link = link.nextMiddleware as ChainLink | undefined) {
    if (isRetryOptions(link.options)) return link.options;
  }
  return undefined;
}

/**
 * Posts with the retry narrowed to 429 (keeping the handler's delay and number of retries).
 * A request that is not a Graph client request (a wrapper, a test double) is posted as it is:
 * the wrapper posts through here itself (lazyGraph, graphForUrl).
 */
export function postOnce(request: RequestLike, content: unknown): Promise<unknown> {
  const found = chainRetryOptions(request);
  const parts = request as GraphRequestParts;
  if (found && typeof parts.middlewareOptions === "function") {
    const Options = found.constructor as RetryOptionsClass;
    (parts.middlewareOptions as (options: object[]) => unknown).call(request, [new Options(found.delay, found.maxRetries, retryOnlyThrottled)]);
  }
  return request.post(content);
}
