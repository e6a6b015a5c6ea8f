import type { IGraphApi } from "./GraphTeamsNotifier";

/**
 * SPFx hands out its Graph client asynchronously (msGraphClientFactory.getClient('3'));
 * this defers getting it until the first message is posted, so web parts that never
 * notify never load it.
 */
export function lazyGraph(getClient: () => Promise<IGraphApi>): IGraphApi {
  let client: Promise<IGraphApi> | null = null;
  const get = (): Promise<IGraphApi> => (client = client ?? getClient());
  return {
    api: (path: string) => ({
      post: async (content: unknown) => (await get()).api(path).post(content),
      get: async () => (await get()).api(path).get(),
    }),
  };
}
