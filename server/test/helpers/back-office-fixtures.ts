/**
 * Back-office test helpers: a small HTTP client for the JSON API and a
 * finished reception day played through the real sockets (so the search
 * triggers and the record see exactly what production writes).
 */
import type { World } from "./fixtures.ts";
import { connectClient, ok, type TestServer } from "./test-server.ts";

export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** parsed JSON, or undefined for other bodies */
  body: T;
}

export interface Http {
  get<T = any>(path: string): Promise<HttpAnswer<T>>;
  post<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  put<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
}

/** Requests as `token` (Bearer), or anonymously. */
export function http(server: Pick<TestServer, "url">, token?: string): Http {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown;
    if ((res.headers.get("content-type") ?? "").includes("application/json")) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, body: parsed as T };
  };
  return {
    get: (path) => send("GET", path),
    post: (path, body) => send("POST", path, body ?? {}),
    patch: (path, body) => send("PATCH", path, body ?? {}),
    put: (path, body) => send("PUT", path, body ?? {}),
  };
}

export interface FinishedDay {
  sessionId: string;
  /** the walk-in: heard, answered, a case opened */
  walkIn: { ticketId: string; label: string; trackingCode: string; caseId: string };
  /** the online voter: heard, answered without follow-up */
  online: { ticketId: string; label: string };
  /** an online voter who did not come when called */
  noShow: { ticketId: string; label: string };
  answerEntryId: string;
  noteEntryId: string;
}

export const PHONES = { walkIn: "13812345678", online: "13987654321", noShow: "13700001111" };

/**
 * Plays one reception day at `venue` to its end: a walk-in (李阿婆) about a
 * lift with a follow-up case, an online voter (王小明) about parking, a
 * no-show, a staff-only note and a corrected answer. Returns the ids.
 */
export async function playFinishedDay(server: Pick<TestServer, "url" | "db">, world: World, venue: "shengze" | "lili" = "shengze"): Promise<FinishedDay> {
  const sessionId = world[venue].sessionId;
  const staffToken = venue === "shengze" ? world.tokens.staffShengze : world.tokens.staffLili;
  const staff = await connectClient(server.url, { token: staffToken });
  const voter = await connectClient(server.url);
  try {
    const walkIn = await ok(staff, "desk:register", {
      sessionId,
      name: "李阿婆",
      phone: PHONES.walkIn,
      topic: "加装电梯",
      question: "老小区六楼没有电梯，上下楼很困难，电话13812345678",
      isPublic: false,
    });
    const online = await ok(voter, "queue:join", {
      sessionId,
      name: "王小明",
      phone: PHONES.online,
      topic: "停车难",
      question: "小区门口停车位不够",
      isPublic: true,
    });
    const noShow = await ok(voter, "queue:join", { sessionId, name: "赵六", phone: PHONES.noShow, topic: "=HYPERLINK(\"x\")", isPublic: true });

    await ok(staff, "hall:callNext", { sessionId });
    await ok(staff, "hall:start", { ticketId: walkIn.ticket.id });
    const answer = await ok(staff, "transcript:append", {
      sessionId,
      ticketId: walkIn.ticket.id,
      kind: "ANSWER",
      speakerRole: "DEPUTY",
      speakerName: "沈晓鹃",
      text: "我们会请住建部门评估加装电梯",
    });
    await ok(staff, "transcript:amend", { entryId: answer.entry.id, text: "我们会请镇住建部门下周评估加装电梯" });
    const note = await ok(staff, "transcript:append", {
      sessionId,
      ticketId: walkIn.ticket.id,
      kind: "NOTE",
      speakerRole: "STAFF",
      text: "内部：老人独居，需回访",
      visibility: "STAFF",
    });
    const finished = await ok(staff, "hall:finish", {
      ticketId: walkIn.ticket.id,
      summary: "转交镇住建部门",
      followUp: { category: "城建", summary: "评估老小区加装电梯" },
    });

    await ok(staff, "hall:callNext", { sessionId });
    await ok(staff, "hall:start", { ticketId: online.ticket.id });
    await ok(staff, "transcript:append", {
      sessionId,
      ticketId: online.ticket.id,
      kind: "ANSWER",
      speakerRole: "DEPUTY",
      speakerName: "沈晓鹃",
      text: "周边将增设临时停车位",
    });
    await ok(staff, "hall:finish", { ticketId: online.ticket.id, summary: "现场答复" });

    await ok(staff, "hall:callNext", { sessionId });
    await ok(staff, "hall:noShow", { ticketId: noShow.ticket.id });
    await ok(staff, "session:update", { sessionId, status: "ENDED" });

    const kase = await server.db.case.findFirstOrThrow({ where: { ticketId: walkIn.ticket.id } });
    return {
      sessionId,
      walkIn: { ticketId: walkIn.ticket.id, label: walkIn.ticket.label, trackingCode: finished.ticket.trackingCode!, caseId: kase.id },
      online: { ticketId: online.ticket.id, label: online.ticket.label },
      noShow: { ticketId: noShow.ticket.id, label: noShow.ticket.label },
      answerEntryId: answer.entry.id,
      noteEntryId: note.entry.id,
    };
  } finally {
    staff.disconnect();
    voter.disconnect();
  }
}

/** The case id of a tracking code. */
export async function caseIdOf(server: Pick<TestServer, "db">, trackingCode: string): Promise<string> {
  return (await server.db.case.findUniqueOrThrow({ where: { trackingCode } })).id;
}
