/** English: the same keys as zh-CN, namespace by namespace (each file's type enforces it). */
import type { MessageKey } from "../zh-CN/index.ts";
import { admin } from "./admin.ts";
import { call } from "./call.ts";
import { booking } from "./booking.ts";
import { duty } from "./duty.ts";
import { nudges } from "./nudges.ts";
import { message } from "./message.ts";
import { forum } from "./forum.ts";
import { common } from "./common.ts";
import { hall } from "./hall.ts";
import { track } from "./track.ts";
import { voter } from "./voter.ts";
import { elder } from "./elder.ts";
import { suggestion } from "./suggestion.ts";
import { apiReference } from "./api-reference.ts";

export const enNamespaces = { common, voter, hall, call, admin, track, booking, duty, nudges, message, forum, elder, suggestion, apiReference } as const;

export const en: Record<MessageKey, string> = { ...common, ...voter, ...hall, ...call, ...admin, ...track, ...booking, ...duty, ...nudges, ...message, ...forum, ...elder, ...suggestion, ...apiReference };
