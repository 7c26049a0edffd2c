import { describe, expect, it } from "vitest";
import { compareQueueOrder, initialRank, nextToCall, positionOf, priorityRank, requeueRank, waitingInOrder, type Rankable } from "./queue.ts";
import { estimatedWaitSec, nextAverageServiceSec } from "./eta.ts";
import { ticketLabel } from "./labels.ts";

const MIN = 60_000;
const t = (id: string, rank: number, status: Rankable["status"] = "WAITING", label = id): Rankable => ({ id, label, rank, status });

describe("the queue rule", () => {
  it("ranks an online voter by join time", () => {
    expect(initialRank("ONLINE", 1_000_000, 10)).toBe(1_000_000);
  });

  it("gives a walk-in a ten-minute head start, and no more", () => {
    const joinedAt = 100 * MIN;
    const walkIn = initialRank("IN_PERSON", joinedAt, 10);
    expect(walkIn).toBe(90 * MIN);
    // An online voter who joined eleven minutes earlier still goes first.
    expect(initialRank("ONLINE", joinedAt - 11 * MIN, 10)).toBeLessThan(walkIn);
    // One who joined nine minutes earlier goes after the walk-in.
    expect(initialRank("ONLINE", joinedAt - 9 * MIN, 10)).toBeGreaterThan(walkIn);
  });

  it("serves waiting tickets in ascending rank, ties by label", () => {
    const tickets = [t("b", 5, "WAITING", "W002"), t("a", 5, "WAITING", "A001"), t("c", 1, "DONE"), t("d", 3)];
    expect(waitingInOrder(tickets).map((x) => x.id)).toEqual(["d", "a", "b"]);
    expect(nextToCall(tickets)?.id).toBe("d");
    expect(compareQueueOrder(t("x", 1), t("y", 2))).toBeLessThan(0);
  });

  it("has nobody to call when nobody waits", () => {
    expect(nextToCall([t("a", 1, "CALLED"), t("b", 2, "DONE")])).toBeUndefined();
  });

  it("puts a prioritized ticket just ahead of the head, never behind where it was", () => {
    expect(priorityRank(500, 100)).toBe(99);
    expect(priorityRank(50, 100)).toBe(50);
    expect(priorityRank(500, undefined)).toBe(500);
  });

  it("requeues to the back, or keeps the place when asked", () => {
    expect(requeueRank(10, 999, false)).toBe(999);
    expect(requeueRank(10, 999, true)).toBe(10);
  });

  it("counts position among waiting tickets only", () => {
    const tickets = [t("a", 1, "SPEAKING"), t("b", 2), t("c", 3, "LEFT"), t("d", 4)];
    expect(positionOf(tickets, "b")).toBe(1);
    expect(positionOf(tickets, "d")).toBe(2);
    expect(positionOf(tickets, "a")).toBeUndefined();
  });
});

describe("the wait estimate", () => {
  it("is (position − 1 + ½ if someone is being served) × the mean turn", () => {
    expect(estimatedWaitSec(1, false, 480)).toBe(0);
    expect(estimatedWaitSec(1, true, 480)).toBe(240);
    expect(estimatedWaitSec(3, true, 300)).toBe(750);
  });

  it("moves the mean turn toward each finished turn", () => {
    expect(nextAverageServiceSec(480, 0, 120)).toBe(120);
    expect(nextAverageServiceSec(120, 1, 360)).toBe(240);
  });
});

describe("labels", () => {
  it("are W### online and A### in person", () => {
    expect(ticketLabel("ONLINE", 1)).toBe("W001");
    expect(ticketLabel("IN_PERSON", 42)).toBe("A042");
    expect(ticketLabel("ONLINE", 1234)).toBe("W1234");
  });
});
