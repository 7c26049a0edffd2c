/**
 * 中文（默认）: the words only staff pages show — the back office, the hall console, the
 * front desk — a chunk of their own, so the public pages neither download nor evaluate
 * them (translate.ts loadStaffWords). A key used by any module a public page loads
 * belongs in ../ instead (staff-words.test.ts checks).
 */
import { admin } from "./admin.ts";
import { booking } from "./booking.ts";
import { call } from "./call.ts";
import { common } from "./common.ts";
import { duty } from "./duty.ts";
import { forum } from "./forum.ts";
import { hall } from "./hall.ts";
import { nudges } from "./nudges.ts";
import { suggestion } from "./suggestion.ts";
import { apiReference } from "./api-reference.ts";

export const zhCNStaffNamespaces = { common, hall, call, admin, booking, duty, nudges, forum, suggestion, apiReference } as const;

export const zhCNStaff = { ...common, ...hall, ...call, ...admin, ...booking, ...duty, ...nudges, ...forum, ...suggestion, ...apiReference } as const;

export type StaffMessageKey = keyof typeof zhCNStaff;
