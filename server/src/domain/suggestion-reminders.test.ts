import { describe, expect, it } from "vitest";
import { daysLeft, reminderOwed, reminderText } from "./suggestion-reminders.ts";

const DAY = 24 * 60 * 60 * 1000;
const due = new Date("2026-12-31T15:59:59.999Z"); // the end of 31 Dec, China time
const before = (days: number) => new Date(due.getTime() - days * DAY);

describe("suggestion reminders", () => {
  it("nothing is owed more than 15 days ahead", () => {
    expect(reminderOwed(due, before(15.01))).toBeNull();
  });

  it("15 days ahead the department is reminded; 3 days ahead again, passing over the first", () => {
    expect(reminderOwed(due, before(15))).toEqual({ send: "due15", skip: [] });
    expect(reminderOwed(due, before(3.5))).toEqual({ send: "due15", skip: [] });
    expect(reminderOwed(due, before(3))).toEqual({ send: "due3", skip: ["due15"] });
  });

  it("past the deadline the office is told, and the department's reminders are passed over", () => {
    expect(reminderOwed(due, due)).toEqual({ send: "overdue", skip: ["due15", "due3"] });
    expect(reminderOwed(due, new Date(due.getTime() + 1))).toEqual({ send: "overdue", skip: ["due15", "due3"] });
  });

  it("days left round up", () => {
    expect(daysLeft(due, before(2.1))).toBe(3);
    expect(daysLeft(due, before(15))).toBe(15);
    expect(daysLeft(due, new Date(due.getTime() + DAY))).toBe(0);
  });

  it("the text says the number, the title, the date in China time and the days, in Chinese then English", () => {
    const s = { number: "2026-0007", title: "加装电梯", departmentName: "区住建局", dueAt: due };
    expect(reminderText("due3", s, before(3))).toBe(
      "【同心】区住建局：代表建议 2026-0007《加装电梯》将于2026年12月31日到期（还有 3 天），请及时书面答复。 / 区住建局: suggestion 2026-0007 is due on 31 Dec 2026 (3 days left). Please answer it in writing in time.",
    );
    expect(reminderText("overdue", s, new Date(due.getTime() + 0.5 * DAY))).toContain("已超期 1 天");
    expect(reminderText("overdue", s, new Date(due.getTime() + 0.5 * DAY))).toContain("1 day late");
  });
});
