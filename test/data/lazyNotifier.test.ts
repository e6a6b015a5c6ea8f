import { lazyNotifier } from "../../src/data/graph/lazyNotifier";
import type { ITeamsNotifier } from "../../src/data/contracts";

const fake = (): Required<ITeamsNotifier> & { posts: string[] } => {
  const posts: string[] = [];
  return {
    posts,
    postChannelMessage: async (teamId, channelId) => {
      posts.push(`${teamId}/${channelId}`);
      return { messageId: String(posts.length) };
    },
    joinedTeams: async () => [{ id: "t1", displayName: "企画部" }],
    channels: async () => [{ id: "c1", displayName: "一般", membershipType: "standard" }],
  };
};

test("the notifier's code is fetched on the first call, once, and every call reaches it", async () => {
  const real = fake();
  let loads = 0;
  const n = lazyNotifier(async () => {
    loads++;
    return real;
  });
  expect(loads).toBe(0);
  const [a, b, teams, channels] = await Promise.all([
    n.postChannelMessage("t1", "c1", { subject: "s", html: "<p>x</p>" }),
    n.postChannelMessage("t1", "c2", { subject: "s", html: "<p>y</p>" }),
    n.joinedTeams(),
    n.channels("t1"),
  ]);
  expect(loads).toBe(1);
  expect([a.messageId, b.messageId].sort()).toEqual(["1", "2"]);
  expect(real.posts.sort()).toEqual(["t1/c1", "t1/c2"]);
  expect(teams).toEqual([{ id: "t1", displayName: "企画部" }]);
  expect(channels[0].id).toBe("c1");
});

test("a fetch that failed (the network dropped) fails that call, and the next call fetches again", async () => {
  let loads = 0;
  const n = lazyNotifier(async () => {
    loads++;
    if (loads === 1) throw new Error("ChunkLoadError");
    return fake();
  });
  await expect(n.joinedTeams()).rejects.toThrow("ChunkLoadError");
  await expect(n.joinedTeams()).resolves.toHaveLength(1);
  expect(loads).toBe(2);
});
