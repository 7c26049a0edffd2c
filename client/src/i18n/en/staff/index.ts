/** English: the staff pages' words, the same keys as zh-CN/staff/index.ts (each file's type enforces it). */
import type { StaffMessageKey } from "../../zh-CN/staff/index.ts";
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

export const enStaffNamespaces = { common, hall, call, admin, booking, duty, nudges, forum, suggestion, apiReference } as const;

export const enStaff: Record<StaffMessageKey, string> = { ...common, ...hall, ...call, ...admin, ...booking, ...duty, ...nudges, ...forum, ...suggestion, ...apiReference };
