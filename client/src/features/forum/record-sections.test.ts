import { describe, expect, it } from "vitest";
import type { AgendaItemView, CaseView } from "@protocol/model.ts";
import { entryView, ticketView } from "../../stores/live-session-factories.ts";
import { recordSections } from "./record-sections.ts";

const item = (position: number): AgendaItemView => ({
  id: `i${position}`,
  position,
  title: `议程${position}`,
  timeboxMin: 20,
  speakerMin: 3,
  startedAt: null,
  endedAt: null,
  status: "DONE",
});

const caseOf = (id: string, ticketId: string | null) => ({ id, ticketId, trackingCode: id.toUpperCase() }) as CaseView;

describe("a forum's record by agenda item", () => {
  it("puts each heard turn, its lines and its cases under the item it spoke on, items in order", () => {
    const tickets = [
      ticketView("b", 2, { agendaItemId: "i1", status: "DONE", startedAt: "2026-12-01T02:10:00.000Z" }),
      ticketView("a", 1, { agendaItemId: "i1", status: "DONE", startedAt: "2026-12-01T02:05:00.000Z" }),
      ticketView("c", 3, { agendaItemId: "i2", status: "DONE", startedAt: "2026-12-01T02:30:00.000Z" }),
      ticketView("d", 4, { agendaItemId: "i2", status: "NO_SHOW" }),
    ];
    const transcript = [
      entryView("e0", "进入议程第1项：议程1", { kind: "SYSTEM", speakerRole: "SYSTEM", agendaItemId: "i1" }),
      entryView("e1", "两周内答复", { agendaItemId: "i1" }),
      entryView("e2", "一周内答复", { agendaItemId: "i1", amendsId: "e1" }),
      entryView("e3", "会同住建部门", { agendaItemId: "i2" }),
    ];
    const sections = recordSections([item(2), item(1)], tickets, transcript, [caseOf("k1", "c"), caseOf("k2", null)]);
    expect(sections.map((s) => [s.item.id, s.speakers.map((t) => t.id), s.entries.map((e) => e.currentText), s.cases.map((c) => c.id)])).toEqual([
      ["i1", ["a", "b"], ["一周内答复"], []],
      ["i2", ["c"], ["会同住建部门"], ["k1"]],
    ]);
  });
});
