import type { IGraphApi } from "./GraphTeamsNotifier";
import { postOnce } from "./postOnce";

/**
 * SPFx hands out its Graph client asynchronously (msGraphClientFactory.getClient('3'));
 * this defers getting it until the first message is posted, so web parts that never
 * notify never load it. A POST is re-sent by the client only after 429 (`postOnce`).
 */
export function lazyGraph(getClient: () => Promise<IGraphApi>): IGraphApi {
  let client: Promise<IGraphApi> | null = null;
  const get = (): Promise<IGraphApi> => (client = client ?? getClient());
  return {
    api: (path: string) => ({
      post: async (content: unknown) => postOnce((await get()).api(path), content),
      get: async () => (await get()).api(path).get(),
    }),
  };
}
