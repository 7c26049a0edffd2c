import { describe, expect, it } from "vitest";
import type { AgendaItemView } from "@protocol/model.ts";
import { agendaDraftReducer, agendaInputOf, emptyRow, rowsOf, sameAgenda, type AgendaRow } from "./agenda-draft.ts";

const row = (key: string, title: string, timeboxMin = "20", speakerMin = "3"): AgendaRow => ({ key, title, timeboxMin, speakerMin });
const keys = (rows: AgendaRow[]) => rows.map((r) => r.key);

describe("the agenda editor's draft", () => {
  it("adds empty rows at the end with the default minutes", () => {
    expect(agendaDraftReducer([row("a", "x")], { type: "add", key: "b" })).toEqual([row("a", "x"), emptyRow("b")]);
    expect(emptyRow("b")).toMatchObject({ timeboxMin: "30", speakerMin: "3" });
  });

  it("moves a row up or down and never past either end", () => {
    const rows = [row("a", "1"), row("b", "2"), row("c", "3")];
    expect(keys(agendaDraftReducer(rows, { type: "move", key: "c", by: -1 }))).toEqual(["a", "c", "b"]);
    expect(keys(agendaDraftReducer(rows, { type: "move", key: "a", by: 1 }))).toEqual(["b", "a", "c"]);
    expect(agendaDraftReducer(rows, { type: "move", key: "a", by: -1 })).toBe(rows);
    expect(agendaDraftReducer(rows, { type: "move", key: "c", by: 1 })).toBe(rows);
  });

  it("removes a row and edits one field of one row", () => {
    const rows = [row("a", "1"), row("b", "2")];
    expect(keys(agendaDraftReducer(rows, { type: "remove", key: "a" }))).toEqual(["b"]);
    expect(agendaDraftReducer(rows, { type: "set", key: "b", field: "timeboxMin", value: "45" })).toEqual([row("a", "1"), row("b", "2", "45")]);
  });

  it("becomes the API's agenda: titled rows in order, trimmed, minutes as whole numbers", () => {
    expect(agendaInputOf([row("a", "  停车  ", "20.4", "2"), row("b", "   "), row("c", "养老", "", "x")])).toEqual([
      { title: "停车", timeboxMin: 20, speakerMin: 2 },
      { title: "养老", timeboxMin: 30, speakerMin: 3 },
    ]);
  });

  it("reads a session's agenda in position order and knows when nothing changed", () => {
    const agenda: AgendaItemView[] = [
      { id: "i2", position: 2, title: "养老", timeboxMin: 30, speakerMin: 3, startedAt: null, endedAt: null, status: "PENDING" },
      { id: "i1", position: 1, title: "停车", timeboxMin: 20, speakerMin: 2, startedAt: null, endedAt: null, status: "PENDING" },
    ];
    const rows = rowsOf(agenda);
    expect(keys(rows)).toEqual(["i1", "i2"]);
    expect(sameAgenda(agendaInputOf(rows), agenda)).toBe(true);
    expect(sameAgenda(agendaInputOf(agendaDraftReducer(rows, { type: "move", key: "i2", by: -1 })), agenda)).toBe(false);
  });
});
