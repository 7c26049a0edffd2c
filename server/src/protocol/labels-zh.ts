/**
 * The Chinese names of the domain's values (statuses, kinds, roles, channels,
 * answer kinds…): the one place they are written. The server's exports (CSV,
 * the minutes, the audit log) and the client's zh-CN dictionaries both take
 * them from here, so a file and the screen it came from call a value alike.
 * Each is a Record over its enum: a new value does not compile until it is named.
 * Plain data, no zod: the client imports it as `@protocol/labels-zh.ts`.
 */
import type { BookingStatus } from "./bookings.ts";
import type { CallEndReason } from "./calls.ts";
import type { DutyKind } from "./duty.ts";
import type {
  AgendaItemStatus,
  CaseSource,
  CaseStatus,
  Channel,
  InviteeRole,
  Role,
  RsvpStatus,
  SessionKind,
  SessionStatus,
  SpeakerRole,
  StreamStopReason,
  TicketStatus,
  TranscriptKind,
  VenueKind,
  Visibility,
} from "./model.ts";
import type { AnswerKind, EvaluationResult, SuggestionStatus, Supervision } from "./suggestions.ts";

// ---- the live day ------------------------------------------------------------

export const SESSION_STATUS_ZH: Record<SessionStatus, string> = { SCHEDULED: "未开始", OPEN: "排队中", LIVE: "接待中", PAUSED: "暂停中", ENDED: "已结束" };
export const SESSION_KIND_ZH: Record<SessionKind, string> = { RECEPTION: "接待日", FORUM: "座谈会" };
export const TICKET_STATUS_ZH: Record<TicketStatus, string> = { WAITING: "等候中", CALLED: "已叫号", SPEAKING: "发言中", DONE: "已完成", NO_SHOW: "未到场", LEFT: "已取消" };
export const CHANNEL_ZH: Record<Channel, string> = { ONLINE: "线上", IN_PERSON: "现场" };
export const VENUE_KIND_ZH: Record<VenueKind, string> = { HOME: "代表之家", STATION: "联络站", STUDIO: "工作室" };
export const TRANSCRIPT_KIND_ZH: Record<TranscriptKind, string> = { SYSTEM: "系统", QUESTION: "提问", ANSWER: "答复", NOTE: "备注" };
export const SPEAKER_ROLE_ZH: Record<SpeakerRole, string> = { VOTER: "选民", DEPUTY: "代表", STAFF: "工作人员", SYSTEM: "系统" };
export const VISIBILITY_ZH: Record<Visibility, string> = { PUBLIC: "公开", STAFF: "仅工作人员" };
export const AGENDA_ITEM_STATUS_ZH: Record<AgendaItemStatus, string> = { PENDING: "未开始", CURRENT: "进行中", DONE: "已结束" };
export const INVITEE_ROLE_ZH: Record<InviteeRole, string> = { VOTER: "选民", DEPARTMENT: "部门代表" };
export const RSVP_STATUS_ZH: Record<RsvpStatus, string> = { PENDING: "尚未答复", HALL: "到场参加", ONLINE: "线上参加", DECLINED: "不能参加" };

// ---- calls and the stream ------------------------------------------------------

export const CALL_END_REASON_ZH: Record<CallEndReason, string> = {
  HALL_HUNG_UP: "会场挂断",
  VOTER_HUNG_UP: "选民挂断",
  DECLINED: "选民未接听",
  TURN_ENDED: "发言结束",
  VOTER_GONE: "选民断线",
  HALL_GONE: "主持台断线",
  TIME_LIMIT: "超过通话时限",
};
export const STREAM_STOP_REASON_ZH: Record<StreamStopReason, string> = {
  publisher: "直播推流停止",
  "session-ended": "接待日结束，直播停止",
  "key-regenerated": "更换推流密钥（旧密钥的推流停止）",
};

// ---- bookings, cases, accounts, duty ----------------------------------------------

export const BOOKING_STATUS_ZH: Record<BookingStatus, string> = { BOOKED: "已预约", WAITLISTED: "候补中", CHECKED_IN: "已签到", CANCELLED: "已取消", NO_SHOW: "未到场（已失效）" };
export const CASE_STATUS_ZH: Record<CaseStatus, string> = { OPEN: "已受理", ASSIGNED: "已交办", IN_PROGRESS: "办理中", RESOLVED: "已办结", CLOSED: "已归档", REJECTED: "不予受理" };
export const CASE_SOURCE_ZH: Record<CaseSource, string> = { TURN: "接待日", STAFF: "工作人员登记", MESSAGE: "群众留言" };
export const ROLE_ZH: Record<Role, string> = { ADMIN: "管理员", STAFF: "工作人员", DEPUTY: "代表", DEPARTMENT: "承办单位" };
export const DUTY_KIND_ZH: Record<DutyKind, string> = { TRAINING: "学习培训", VISIT: "走访", SURVEY: "调研", OTHER: "其他" };

// ---- deputies' suggestions (docs/ARCHITECTURE.md §6e) ---------------------------------

export const SUGGESTION_STATUS_ZH: Record<SuggestionStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交，待交办",
  ASSIGNED: "已交办，办理中",
  COUNTERSIGNING: "已拟答复，协办单位会签中",
  ANSWERED: "已答复，待代表评价",
  EVALUATED: "已评价，办结",
};
export const SUPERVISION_COLOUR_ZH: Record<Supervision, string> = { GREEN: "绿牌 · 正常办理", YELLOW: "黄牌 · 15天内到期", RED: "红牌 · 已超期" };
export const ANSWER_KIND_ZH: Record<AnswerKind, string> = { A: "A类 · 已解决或基本解决", B: "B类 · 列入计划逐步解决", C: "C类 · 因条件限制留作参考" };
export const EVALUATION_RESULT_ZH: Record<EvaluationResult, string> = { SATISFIED: "满意", BASICALLY_SATISFIED: "基本满意", UNSATISFIED: "不满意" };
