import { describe, expect, it } from "vitest";
import type { AgendaItemView, TicketView } from "@protocol/model.ts";
import { sessionView, ticketView } from "../../stores/live-session-factories.ts";
import { agendaProgress, ticketsOnList, countdown, defaultSpeakItem, itemCountdown, listItemIdOf, openItems, speakerCountdown, speakersLists } from "./forum-logic.ts";

const T0 = Date.parse("2026-12-01T02:00:00.000Z");
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

const item = (position: number, over: Partial<AgendaItemView> = {}): AgendaItemView => ({
  id: `i${position}`,
  position,
  title: `议程${position}`,
  timeboxMin: 20,
  speakerMin: 3,
  startedAt: null,
  endedAt: null,
  status: "PENDING",
  ...over,
});

/** A forum whose items 1..n are done before `current`, `current` is running, the rest pending (current 0: not started; n+1: all done). */
function forum(n: number, current: number) {
  const agenda = Array.from({ length: n }, (_, k) => {
    const p = k + 1;
    if (p < current) return item(p, { status: "DONE", startedAt: at(p * 10), endedAt: at(p * 10 + 9) });
    if (p === current) return item(p, { status: "CURRENT", startedAt: at(p * 10) });
    return item(p);
  });
  return sessionView({ kind: "FORUM", agenda, currentAgendaItemId: current >= 1 && current <= n ? `i${current}` : null });
}

const speaker = (id: string, rank: number, agendaItemId: string | null, over: Partial<TicketView> = {}) => ticketView(id, rank, { agendaItemId, ...over });

describe("where the agenda is", () => {
  it("before the start nothing is current and the next item is the first", () => {
    expect(agendaProgress(forum(3, 0))).toMatchObject({ phase: "before", current: null, position: 0, total: 3, next: { id: "i1" } });
  });

  it("while an item runs it is current, with its position and the one after it", () => {
    expect(agendaProgress(forum(3, 2))).toMatchObject({ phase: "running", current: { id: "i2" }, position: 2, total: 3, next: { id: "i3" } });
    expect(agendaProgress(forum(3, 3)).next).toBeNull();
  });

  it("after the last item the agenda is done and nothing comes next", () => {
    expect(agendaProgress(forum(2, 3))).toMatchObject({ phase: "done", current: null, position: 0, total: 2, next: null });
  });

  it("a reception (no agenda) is never under way", () => {
    expect(agendaProgress(sessionView({ kind: "RECEPTION", agenda: [], currentAgendaItemId: null }))).toMatchObject({ phase: "before", total: 0, next: null });
  });

  it("one may ask to speak on the current and the later items, by default on the current one", () => {
    const s = forum(3, 2);
    expect(openItems(s).map((i) => i.id)).toEqual(["i2", "i3"]);
    expect(defaultSpeakItem(s)?.id).toBe("i2");
    expect(defaultSpeakItem(forum(3, 0))?.id).toBe("i1");
    expect(defaultSpeakItem(forum(3, 4))).toBeNull();
  });
});

describe("the speakers' lists", () => {
  it("the current item's list comes first, then the later items', each in serving order", () => {
    const s = forum(3, 2);
    const tickets = [
      speaker("a", 30, "i3"),
      speaker("b", 20, "i2"),
      speaker("c", 10, "i2"),
      speaker("d", 5, "i2", { status: "SPEAKING" }),
      speaker("e", 1, "i3", { status: "DONE" }),
    ];
    const lists = speakersLists(tickets, s);
    expect(lists.map((l) => [l.item.id, l.current, l.waiting.map((t) => t.id)])).toEqual([
      ["i2", true, ["c", "b"]],
      ["i3", false, ["a"]],
    ]);
  });

  it("before the start item 1 heads the lists though none is current", () => {
    const lists = speakersLists([speaker("a", 1, "i2"), speaker("b", 2, "i1")], forum(2, 0));
    expect(lists.map((l) => [l.item.id, l.current, l.waiting.map((t) => t.id)])).toEqual([
      ["i1", false, ["b"]],
      ["i2", false, ["a"]],
    ]);
  });

  it("a ticket without an item or on an ended item waits on the current item's list", () => {
    const s = forum(3, 2);
    expect(listItemIdOf({ agendaItemId: null }, s)).toBe("i2");
    expect(listItemIdOf({ agendaItemId: "i1" }, s)).toBe("i2");
    expect(listItemIdOf({ agendaItemId: "i3" }, s)).toBe("i3");
    expect(speakersLists([speaker("x", 1, "i1")], s)[0]!.waiting.map((t) => t.id)).toEqual(["x"]);
  });
});

describe("a place on one item's list", () => {
  it("counts only the speakers waiting on the same item, and keeps who is at the lectern", () => {
    const s = forum(2, 1);
    const tickets = {
      a: speaker("a", 1, "i2"),
      b: speaker("b", 2, "i1"),
      c: speaker("c", 3, "i2"),
      d: speaker("d", 0, "i1", { status: "SPEAKING" }),
    };
    expect(Object.keys(ticketsOnList(tickets, s, "i2")).sort()).toEqual(["a", "c", "d"]);
    expect(Object.keys(ticketsOnList(tickets, s, "i1")).sort()).toEqual(["b", "d"]);
  });
});

describe("the clocks", () => {
  it("a speaker's countdown runs from the start of the turn against the item's speaker minutes", () => {
    const three = { speakerMin: 3 };
    expect(speakerCountdown({ startedAt: null }, three, T0)).toBeNull();
    expect(speakerCountdown({ startedAt: at(0) }, three, T0 + 60_000)).toMatchObject({ elapsedSec: 60, remainingSec: 120, overSec: 0, level: "ok" });
    expect(speakerCountdown({ startedAt: at(0) }, three, T0 + 150_000)).toMatchObject({ remainingSec: 30, level: "near" });
    expect(speakerCountdown({ startedAt: at(0) }, three, T0 + 180_000)).toMatchObject({ remainingSec: 0, overSec: 0, level: "near" });
    expect(speakerCountdown({ startedAt: at(0) }, three, T0 + 222_000)).toMatchObject({ remainingSec: 0, overSec: 42, level: "over" });
  });

  it("near is the last fifth of a short limit and the last minute of a long one", () => {
    expect(countdown(at(0), 2, T0 + 95_000).level).toBe("ok"); // 25 s left of 2 min
    expect(countdown(at(0), 2, T0 + 97_000).level).toBe("near"); // 23 s left: the last fifth
    expect(countdown(at(0), 10, T0 + 530_000).level).toBe("ok"); // 70 s left of 10 min
    expect(countdown(at(0), 10, T0 + 545_000).level).toBe("near"); // 55 s left: the last minute
  });

  it("an item's clock stops when the item ends", () => {
    expect(itemCountdown(item(1), T0)).toBeNull();
    const ended = item(1, { startedAt: at(0), endedAt: at(25), timeboxMin: 20 });
    expect(itemCountdown(ended, T0 + 3_600_000)).toMatchObject({ elapsedSec: 1500, overSec: 300, level: "over" });
    const running = item(1, { startedAt: at(0), timeboxMin: 20 });
    expect(itemCountdown(running, T0 + 5 * 60_000)).toMatchObject({ elapsedSec: 300, remainingSec: 900, level: "ok" });
  });
});
