import { describe, expect, it } from "vitest";
import type { CaseView, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { ownTicket, projectEvent, projectTicket, projectTranscriptEntry, publicTicket } from "./projections.ts";
import { maskName, publicVoterSpeaker } from "./privacy.ts";

const ticket: TicketView = {
  id: "t1", sessionId: "s1", label: "W001", channel: "ONLINE", status: "WAITING", rank: 1,
  name: "王小明", topic: "停车难", isPublic: false, priority: true, joinedAt: "", calledAt: null, startedAt: null, finishedAt: null,
  phone: "13912345678", question: "我家楼下没有车位", priorityReason: "高龄", summary: "内部摘要", trackingCode: "ABCD2345", agendaItemId: null,
};

describe("projections", () => {
  it("show viewers a masked name and no phone, question, reason, summary or tracking code", () => {
    const p = publicTicket(ticket);
    expect(p.name).toBe("王*");
    expect(p.topic).toBeNull();
    for (const key of ["phone", "question", "priorityReason", "summary", "trackingCode"]) expect(p).not.toHaveProperty(key);
    expect(JSON.stringify(p)).not.toMatch(/1391234|车位|高龄|内部|小明/);
  });

  it("show a public topic when the voter allowed it", () => {
    expect(publicTicket({ ...ticket, isPublic: true }).topic).toBe("停车难");
  });

  it("give the voter their own ticket without the staff's reason", () => {
    const own = ownTicket(ticket);
    expect(own.phone).toBe("13912345678");
    expect(own.trackingCode).toBe("ABCD2345");
    expect(own).not.toHaveProperty("priorityReason");
  });

  it("show staff everything but the phone, which is masked to 139****5678", () => {
    const staff = projectTicket(ticket, "staff");
    expect(staff.phone).toBe("139****5678");
    expect(staff.question).toBe("我家楼下没有车位");
    expect(staff.priorityReason).toBe("高龄");
    const staffEvent = projectEvent({ sessionId: "s1", seq: 3, type: "ticket.joined", data: ticket, at: "x" }, "staff");
    expect(JSON.stringify(staffEvent)).not.toContain("13912345678");
  });

  it("redact staff-only transcript lines and cases for viewers, keeping the seq", () => {
    const entry: TranscriptEntryView = { id: "e", sessionId: "s1", ticketId: null, kind: "NOTE", speakerRole: "STAFF", speakerName: null, text: "内部", visibility: "STAFF", amendsId: null, agendaItemId: null, createdAt: "" };
    expect(projectEvent({ sessionId: "s1", seq: 7, type: "transcript.appended", data: entry, at: "x" }, "public")).toEqual({ sessionId: "s1", seq: 7, at: "x", type: "redacted" });
    expect(projectEvent({ sessionId: "s1", seq: 7, type: "transcript.appended", data: entry, at: "x" }, "staff")).toMatchObject({ type: "transcript.appended" });
    const followUp: CaseView = {
      source: "TURN", id: "c", trackingCode: "ABCD2345", sessionId: "s1", ticketId: "t1", venueId: "v", category: "交通", summary: "内部", status: "OPEN",
      assignee: null, dueAt: null, resolution: null, rejectReason: null, satisfaction: null, feedbackComment: null, createdAt: "", updatedAt: "",
    };
    expect(projectEvent({ sessionId: "s1", seq: 8, type: "case.created", data: followUp, at: "x" }, "public")).toMatchObject({ seq: 8, type: "redacted" });
  });
});

describe("a voter speaking in the record", () => {
  const line: TranscriptEntryView = { id: "e", sessionId: "s1", ticketId: "t1", kind: "QUESTION", speakerRole: "VOTER", speakerName: "张建国", text: "我们小区老人吃饭不方便。", visibility: "PUBLIC", amendsId: null, agendaItemId: null, createdAt: "" };

  it("is named to viewers by label and masked name, whatever the recorder typed", () => {
    expect(publicVoterSpeaker("张建国")).toBe("张*");
    expect(publicVoterSpeaker("W001 张建国")).toBe("W001 张*");
    expect(publicVoterSpeaker("A012")).toBe("A012");
    expect(publicVoterSpeaker("A012 张*")).toBe("A012 张*");
    expect(publicVoterSpeaker("  ")).toBeNull();
    expect(publicVoterSpeaker(null)).toBeNull();
  });

  it("keeps the line as written for staff, and other speakers' names for everyone", () => {
    expect(projectTranscriptEntry(line, "public").speakerName).toBe("张*");
    expect(projectTranscriptEntry(line, "own").speakerName).toBe("张*");
    expect(projectTranscriptEntry(line, "staff").speakerName).toBe("张建国");
    expect(projectTranscriptEntry({ ...line, speakerRole: "DEPUTY", speakerName: "沈晓鹃" }, "public").speakerName).toBe("沈晓鹃");
    const event = projectEvent({ sessionId: "s1", seq: 9, type: "transcript.amended", data: { ...line, speakerName: "W001 张建国" }, at: "x" }, "public");
    expect(JSON.stringify(event)).not.toContain("建国");
  });
});

describe("masking", () => {
  it("keeps only the first character of a name", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧*");
    expect(maskName("李")).toBe("李*");
  });
});
