import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameOrder } from "./frame-order.ts";

/** A frame is its list of seqs; what a room receives is the seqs it was sent, cut at fromSeq. */
function gate(holdMs = 100) {
  const sent: Array<[string, number[]]> = [];
  const order = new FrameOrder<number[]>(holdMs, (room, seqs, from) => sent.push([room, seqs.filter((s) => s >= from)]));
  const offer = (room: string, ...seqs: number[]) => order.offer(room, { first: seqs[0]!, last: seqs.at(-1)! }, seqs);
  return { order, offer, sent };
}

describe("FrameOrder", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends frames that follow on at once, and holds one that overtook an earlier one until it comes", () => {
    const { order, offer, sent } = gate();
    order.startAt("r", 5);
    offer("r", 5, 6);
    offer("r", 9);
    offer("r", 7);
    expect(sent).toEqual([["r", [5, 6]], ["r", [7]]]);
    expect(order.holding()).toBe(1);
    offer("r", 8);
    expect(sent.slice(2)).toEqual([["r", [8]], ["r", [9]]]);
    expect(order.holding()).toBe(0);
  });

  it("drops a frame wholly behind and cuts one partly behind", () => {
    const { order, offer, sent } = gate();
    order.startAt("r", 1);
    offer("r", 1, 2, 3);
    offer("r", 2);
    offer("r", 3, 4, 5);
    expect(sent).toEqual([["r", [1, 2, 3]], ["r", [4, 5]]]);
  });

  it("after the hold, sends what waited past the gap and drops the missing frame when it comes late", () => {
    const { order, offer, sent } = gate(100);
    order.startAt("r", 1);
    offer("r", 3);
    offer("r", 5);
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([["r", [3]], ["r", [5]]]);
    offer("r", 2);
    offer("r", 4);
    offer("r", 6);
    expect(sent.slice(2)).toEqual([["r", [6]]]);
  });

  it("keeps rooms apart, and a room's first frame is its start when no watcher said where", () => {
    const { order, offer, sent } = gate();
    offer("a", 10);
    offer("b", 3);
    order.startAt("a", 1);
    offer("a", 11);
    offer("b", 5);
    expect(sent).toEqual([["a", [10]], ["b", [3]], ["a", [11]]]);
    order.forget("b");
    offer("b", 5);
    expect(sent.at(-1)).toEqual(["b", [5]]);
  });

  it("reset sends what is held and starts every room afresh", () => {
    const { order, offer, sent } = gate();
    order.startAt("r", 1);
    offer("r", 4);
    order.reset();
    expect(sent).toEqual([["r", [4]]]);
    offer("r", 2);
    expect(sent.at(-1)).toEqual(["r", [2]]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(2);
  });
});
