import { describe, expect, it } from "vitest";
import { agendaDone, agendaLine, defaultAgendaItem, nextAgendaMove, type AgendaSlot } from "./agenda.ts";

const T = new Date("2026-12-01T01:00:00Z");
const slot = (id: string, position: number, started = false, ended = false): AgendaSlot => ({
  id, position, title: `议题${position}`, startedAt: started ? T : null, endedAt: ended ? T : null,
});

describe("agenda moves", () => {
  it("start item 1 first, then end the current and start the next, then end the last", () => {
    expect(nextAgendaMove([slot("b", 2), slot("a", 1)], null)).toMatchObject({ ok: true, end: null, start: { id: "a" } });
    expect(nextAgendaMove([slot("a", 1, true), slot("b", 2)], "a")).toMatchObject({ ok: true, end: { id: "a" }, start: { id: "b" } });
    expect(nextAgendaMove([slot("a", 1, true, true), slot("b", 2, true)], "b")).toMatchObject({ ok: true, end: { id: "b" }, start: null });
  });

  it("refuse an empty agenda and a finished one", () => {
    expect(nextAgendaMove([], null)).toEqual({ ok: false, reason: "empty" });
    expect(nextAgendaMove([slot("a", 1, true, true)], null)).toEqual({ ok: false, reason: "done" });
    expect(agendaDone([slot("a", 1, true, true)])).toBe(true);
    expect(agendaDone([])).toBe(false);
  });

  it("list a new speaker on the current item, or the first not yet done", () => {
    expect(defaultAgendaItem([slot("a", 1), slot("b", 2)], null)?.id).toBe("a");
    expect(defaultAgendaItem([slot("a", 1, true, true), slot("b", 2, true)], "b")?.id).toBe("b");
    expect(defaultAgendaItem([slot("a", 1, true, true)], null)).toBeNull();
  });

  it("name the item in the transcript", () => {
    expect(agendaLine(slot("b", 2))).toBe("进入议程第2项：议题2");
    expect(agendaLine(null)).toBe("议程已全部结束");
  });
});
