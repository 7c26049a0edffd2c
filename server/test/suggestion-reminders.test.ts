/**
 * Suggestions' deadline reminders through the notifier (docs/ARCHITECTURE.md
 * §6e), on both storages: the lead department 15 and 3 days before, the office
 * once overdue, each once even with two nodes ticking; a new deadline is
 * reminded afresh; the department's contact only in the webhook, never a log.
 * And the admin setting that contact.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createLogger, type Logger } from "../src/logger.ts";
import { logSuggestionNotifier, webhookSuggestionNotifier, type SuggestionNotifier } from "../src/notify/notifier.ts";
import { sendDueSuggestionReminders } from "../src/notify/suggestion-reminders.ts";
import type { AdminDepartmentView, DepartmentView, SuggestionDetail, SuggestionReminderMessage } from "../src/protocol/suggestions.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
const DAY = 24 * 60 * 60 * 1000;
const CONTACT = "13912345678";

function recorder(): SuggestionNotifier & { sent: SuggestionReminderMessage[] } {
  const sent: SuggestionReminderMessage[] = [];
  return { sent, sendSuggestionReminder: async (m) => void sent.push(m) };
}

/** A department with a contact and one account, and a suggestion from a 盛泽 concern assigned to it, due in `dueDays`. */
async function assignedSuggestion(dueDays: number): Promise<{ dept: AdminDepartmentView; accountId: string; suggestion: SuggestionDetail; dueAt: Date }> {
  const admin = t.http("admin");
  const d = await admin.post<{ department: AdminDepartmentView }>("/api/admin/departments", { name: "区住建局", contact: CONTACT });
  expect(d.status).toBe(201);
  const account = await admin.post<{ user: { id: string } }>("/api/admin/users", {
    username: "dept.zhujian",
    displayName: "住建局办理员",
    role: "DEPARTMENT",
    password: "Harbour-Gate-41",
    departmentId: d.body.department.id,
  });
  expect(account.status).toBe(201);
  const c = await t.http("staffShengze").post<{ case: { id: string } }>("/api/cases", { venueId: t.world.shengze.venueId, category: "城建", summary: "加装电梯" });
  const s = await t.http("deputyShengze").post<{ suggestion: SuggestionDetail }>("/api/suggestions", {
    title: "老旧小区加装电梯",
    body: "多位选民反映老旧小区无电梯。",
    category: "城建",
    caseIds: [c.body.case.id],
  });
  expect(s.status).toBe(201);
  expect((await t.http("deputyShengze").post(`/api/suggestions/${s.body.suggestion.id}/submit`)).status).toBe(200);
  const dueAt = new Date(t.clock.now().getTime() + dueDays * DAY);
  const assigned = await t.http("staffShengze").post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.body.suggestion.id}/assign`, {
    leadDepartmentId: d.body.department.id,
    dueAt: dueAt.toISOString(),
  });
  expect(assigned.status).toBe(200);
  return { dept: d.body.department, accountId: account.body.user.id, suggestion: assigned.body.suggestion, dueAt };
}

describe("suggestion reminders", () => {
  it("the department is reminded 15 and 3 days before, the office once overdue — each once, with the contact only for the department", async () => {
    const { dept, accountId, suggestion, dueAt } = await assignedSuggestion(20);
    const out = recorder();
    const at = (daysBefore: number) => new Date(dueAt.getTime() - daysBefore * DAY);

    expect(await sendDueSuggestionReminders(t.db, out, at(16))).toBe(0);
    expect(await sendDueSuggestionReminders(t.db, out, at(15))).toBe(1);
    expect(await sendDueSuggestionReminders(t.db, out, at(10))).toBe(0);
    expect(await sendDueSuggestionReminders(t.db, out, at(3))).toBe(1);
    expect(await sendDueSuggestionReminders(t.db, out, at(1))).toBe(0);
    expect(await sendDueSuggestionReminders(t.db, out, at(-0.5))).toBe(1);
    expect(await sendDueSuggestionReminders(t.db, out, at(-5))).toBe(0);

    expect(out.sent.map((m) => [m.kind, m.contact])).toEqual([
      ["suggestion.reminder.due15", CONTACT],
      ["suggestion.reminder.due3", CONTACT],
      ["suggestion.overdue", null],
    ]);
    const [due15, due3, overdue] = out.sent;
    expect(due15).toMatchObject({ suggestionId: suggestion.id, number: suggestion.number, departmentId: dept.id, departmentName: "区住建局", dueAt: dueAt.toISOString() });
    expect(due15!.recipients).toEqual([{ userId: accountId, displayName: "住建局办理员" }]);
    expect(due15!.text).toContain("还有 15 天");
    expect(due15!.text).toContain("15 days left");
    expect(due3!.text).toContain("还有 3 天");
    // The office: the admin and the staff of the concern's venue (盛泽), not 黎里's staff nor the deputy.
    const office = await t.db.user.findMany({ where: { username: { in: ["admin", "staff.shengze"] } }, select: { id: true } });
    expect(overdue!.recipients.map((r) => r.userId).sort()).toEqual(office.map((u) => u.id).sort());
    expect(overdue!.text).toContain("已超过办理期限");
    expect(overdue!.text).toContain("is overdue");
    expect(await t.db.suggestionReminder.count({ where: { suggestionId: suggestion.id, state: "sent" } })).toBe(3);
  });

  it("a late assignment gets only the nearer reminder; an answered suggestion gets none", async () => {
    const { suggestion, dueAt } = await assignedSuggestion(2);
    const out = recorder();
    expect(await sendDueSuggestionReminders(t.db, out, t.clock.now())).toBe(1);
    expect(out.sent.map((m) => m.kind)).toEqual(["suggestion.reminder.due3"]);
    expect(await t.db.suggestionReminder.findMany({ where: { suggestionId: suggestion.id }, select: { kind: true, state: true }, orderBy: { kind: "asc" } })).toEqual([
      { kind: "due15", state: "skipped" },
      { kind: "due3", state: "sent" },
    ]);
    await t.db.suggestion.update({ where: { id: suggestion.id }, data: { status: "ANSWERED" } });
    expect(await sendDueSuggestionReminders(t.db, out, new Date(dueAt.getTime() + DAY))).toBe(0);
  });

  it("the helper departments (协办) are reminded before the deadline too, each once; overdue goes to the office once", async () => {
    const { dept, suggestion, dueAt } = await assignedSuggestion(20);
    const helper = await t.http("admin").post<{ department: AdminDepartmentView }>("/api/admin/departments", { name: "区水务局", contact: "shuiwu@wujiang.example" });
    expect(helper.status).toBe(201);
    await t.db.suggestionCoDepartment.create({ data: { suggestionId: suggestion.id, departmentId: helper.body.department.id } });
    const out = recorder();
    const at = (daysBefore: number) => new Date(dueAt.getTime() - daysBefore * DAY);
    expect(await sendDueSuggestionReminders(t.db, out, at(15))).toBe(2);
    expect(await sendDueSuggestionReminders(t.db, out, at(14))).toBe(0);
    expect(await sendDueSuggestionReminders(t.db, out, at(3))).toBe(2);
    expect(await sendDueSuggestionReminders(t.db, out, at(-1))).toBe(1);
    expect(out.sent.map((m) => [m.kind, m.departmentName, m.contact])).toEqual([
      ["suggestion.reminder.due15", "区住建局", CONTACT],
      ["suggestion.reminder.due15", "区水务局", "shuiwu@wujiang.example"],
      ["suggestion.reminder.due3", "区住建局", CONTACT],
      ["suggestion.reminder.due3", "区水务局", "shuiwu@wujiang.example"],
      ["suggestion.overdue", dept.name, null],
    ]);
  });

  it("an answer waiting for its helpers' countersign (会签) is not out yet: the office still hears it is overdue", async () => {
    const { suggestion, dueAt } = await assignedSuggestion(20);
    await t.db.suggestion.update({ where: { id: suggestion.id }, data: { status: "COUNTERSIGNING" } });
    const out = recorder();
    expect(await sendDueSuggestionReminders(t.db, out, new Date(dueAt.getTime() + DAY))).toBe(1);
    expect(out.sent.map((m) => m.kind)).toEqual(["suggestion.overdue"]);
  });

  it("two nodes ticking at once send each reminder once; a new deadline is reminded again", async () => {
    const { suggestion, dueAt } = await assignedSuggestion(10);
    const a = recorder();
    const b = recorder();
    const now = t.clock.now();
    const counts = await Promise.all([sendDueSuggestionReminders(t.db, a, now), sendDueSuggestionReminders(t.db, b, now), sendDueSuggestionReminders(t.db, a, now)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect([...a.sent, ...b.sent].map((m) => m.kind)).toEqual(["suggestion.reminder.due15"]);

    // The office gives it another deadline (a reassignment): reminded afresh.
    const later = new Date(dueAt.getTime() + 20 * DAY);
    const again = await t.http("staffShengze").post(`/api/suggestions/${suggestion.id}/assign`, { leadDepartmentId: suggestion.leadDepartmentId, dueAt: later.toISOString() });
    expect(again.status).toBe(200);
    const c = recorder();
    expect(await sendDueSuggestionReminders(t.db, c, new Date(later.getTime() - 14 * DAY))).toBe(1);
    expect(c.sent[0]).toMatchObject({ kind: "suggestion.reminder.due15", dueAt: later.toISOString() });
  });

  it("the webhook carries the contact; the log driver records ids and counts only", async () => {
    await assignedSuggestion(3);
    const bodies: SuggestionReminderMessage[] = [];
    const gateway = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        bodies.push(JSON.parse(body) as SuggestionReminderMessage);
        res.end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/notify`;
      expect(await sendDueSuggestionReminders(t.db, webhookSuggestionNotifier({ url }, createLogger("silent")), t.clock.now())).toBe(1);
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toMatchObject({ kind: "suggestion.reminder.due3", contact: CONTACT, departmentName: "区住建局" });
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }

    // The overdue notice through the log driver: no contact, no title, no name.
    const lines: Record<string, unknown>[] = [];
    const capture: Logger = { debug: () => {}, warn: () => {}, error: () => {}, info: (msg, fields) => void lines.push({ msg, ...fields }) };
    expect(await sendDueSuggestionReminders(t.db, logSuggestionNotifier(capture), new Date(t.clock.now().getTime() + 4 * DAY))).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "notify", kind: "suggestion.overdue", hasContact: false, recipients: 2 });
    const logged = JSON.stringify(lines);
    for (const secret of [CONTACT, "老旧小区", "住建局办理员", "区住建局"]) expect(logged).not.toContain(secret);
  });
});

describe("a department's contact", () => {
  it("the admin sets, changes and clears it; only the admin reads it; the change is audited", async () => {
    const admin = t.http("admin");
    const made = await admin.post<{ department: AdminDepartmentView }>("/api/admin/departments", { name: "区水务局", contact: " 0512-63000000 " });
    expect(made.status).toBe(201);
    expect(made.body.department).toMatchObject({ name: "区水务局", contact: "0512-63000000" });
    const id = made.body.department.id;

    const changed = await admin.patch<{ department: AdminDepartmentView }>(`/api/admin/departments/${id}`, { contact: "shuiwu@example.gov.cn" });
    expect(changed.status).toBe(200);
    expect(changed.body.department.contact).toBe("shuiwu@example.gov.cn");
    const list = await admin.get<{ departments: AdminDepartmentView[] }>("/api/admin/departments");
    expect(list.body.departments).toEqual([{ id, name: "区水务局", contact: "shuiwu@example.gov.cn" }]);

    // Everyone else reads names only, and may not change them.
    const open = await t.http("staffShengze").get<{ departments: DepartmentView[] }>("/api/departments");
    expect(open.body.departments).toEqual([{ id, name: "区水务局" }]);
    expect((await t.http("staffShengze").get("/api/admin/departments")).status).toBe(403);
    expect((await t.http("staffShengze").patch(`/api/admin/departments/${id}`, { contact: "x" })).status).toBe(403);

    expect((await admin.patch(`/api/admin/departments/${id}`, {})).status).toBe(400);
    expect((await admin.patch(`/api/admin/departments/${id}`, { contact: "x".repeat(201) })).status).toBe(400);
    expect((await admin.patch(`/api/admin/departments/nope`, { contact: "x" })).status).toBe(404);
    await admin.post("/api/admin/departments", { name: "区民政局" });
    expect((await admin.patch(`/api/admin/departments/${id}`, { name: "区民政局" })).status).toBe(409);

    const cleared = await admin.patch<{ department: AdminDepartmentView }>(`/api/admin/departments/${id}`, { contact: "" });
    expect(cleared.body.department.contact).toBeNull();

    const audit = await t.db.auditEntry.findMany({ where: { action: "department.update" }, select: { target: true, result: true } });
    expect(audit).toContainEqual({ target: `department:${id}`, result: "ok" });
    expect(JSON.stringify(await t.db.auditEntry.findMany())).not.toContain("shuiwu@");
  });
});
