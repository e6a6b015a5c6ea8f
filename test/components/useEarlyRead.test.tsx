/** @jest-environment jsdom */
import * as React from "react";
import { render } from "@testing-library/react";
import { EarlyRead, useEarlyRead } from "../../src/components/hooks/useEarlyRead";

/** A web part: its frame waits (as AppFrame waits for the signed-in user), then the view takes the read. */
function Part({ read, ready, onEarly }: { read: () => Promise<string>; ready: boolean; onEarly: (e: EarlyRead<string>) => void }): JSX.Element {
  const early = useEarlyRead(read);
  onEarly(early);
  return <div>{ready ? "view" : "frame"}</div>;
}

test("the first read starts when the web part mounts, before the view asks; the view gets that read once, later loads read afresh", async () => {
  let reads = 0;
  const read = (): Promise<string> => Promise.resolve(`read ${++reads}`);
  let early: EarlyRead<string> | undefined;
  const { rerender } = render(<Part read={read} ready={false} onEarly={(e) => (early = e)} />);
  expect(reads).toBe(1); // started with the frame, nobody asked yet
  rerender(<Part read={read} ready onEarly={(e) => (early = e)} />);
  expect(reads).toBe(1); // a re-render does not read again
  await expect(early!.take(read)).resolves.toBe("read 1");
  await expect(early!.take(read)).resolves.toBe("read 2");
});

test("a failed first read is the view's to show when it takes it, and is not reported before", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => void unhandled.push(e);
  process.on("unhandledRejection", onUnhandled);
  const read = (): Promise<string> => Promise.reject(new Error("429"));
  let early: EarlyRead<string> | undefined;
  render(<Part read={read} ready={false} onEarly={(e) => (early = e)} />);
  await new Promise((r) => setTimeout(r, 20));
  expect(unhandled).toEqual([]);
  await expect(early!.take(read)).rejects.toThrow("429");
  process.off("unhandledRejection", onUnhandled);
});

test("on a site that was not set up the frame discards the early read: after setup the view reads the new lists", async () => {
  let reads = 0;
  const read = (): Promise<string> => (++reads === 1 ? Promise.reject(new Error("404 list not found")) : Promise.resolve("after setup"));
  let early: EarlyRead<string> | undefined;
  render(<Part read={read} ready={false} onEarly={(e) => (early = e)} />);
  early!.discard();
  await expect(early!.take(read)).resolves.toBe("after setup");
  expect(reads).toBe(2);
});
