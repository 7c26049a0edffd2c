import { describe, expect, it } from "vitest";
import type { TicketView } from "@protocol/model.ts";
import { isWidelyShared, topicsBySupport } from "./support-order.ts";

const ticket = (id: string, over: Partial<TicketView> = {}): TicketView => ({
  id,
  sessionId: "s",
  label: id,
  channel: "ONLINE",
  status: "WAITING",
  rank: Number(id.slice(1)),
  name: "张*",
  topic: `议题${id}`,
  isPublic: true,
  priority: false,
  joinedAt: "2026-12-01T00:00:00Z",
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  supportCount: 0,
  agendaItemId: null,
  ...over,
});

describe("topics by support", () => {
  it("lists public topics still in the queue, most supported first, ties in queue order", () => {
    const tickets = Object.fromEntries(
      [
        ticket("W1", { supportCount: 2 }),
        ticket("W2", { supportCount: 5 }),
        ticket("W3", { supportCount: 2 }),
        ticket("W4", { isPublic: false, topic: null, supportCount: 9 }),
        ticket("W5", { status: "DONE", supportCount: 9 }),
      ].map((t) => [t.id, t]),
    );
    expect(topicsBySupport(tickets).map((t) => t.id)).toEqual(["W2", "W1", "W3"]);
  });

  it("highlights only a topic with enough supports among the top three", () => {
    const ranked = topicsBySupport(Object.fromEntries([ticket("W1", { supportCount: 4 }), ticket("W2", { supportCount: 1 })].map((t) => [t.id, t])));
    expect(isWidelyShared(ranked[0]!, ranked)).toBe(true);
    expect(isWidelyShared(ranked[1]!, ranked)).toBe(false);
  });
});
