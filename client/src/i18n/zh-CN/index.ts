/**
 * 中文（默认）: the one dictionary, merged from one file per namespace. Keys are flat
 * "area.name"; `{x}` is filled in by t(key, { x }). Every other language must have exactly
 * these keys (en/index.ts is typed so), and dictionaries.test.ts checks no key is in two files.
 */
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

export const zhCNNamespaces = { common, voter, hall, call, admin, track, booking, duty, nudges, message, forum, elder, suggestion, apiReference } as const;

export const zhCN = { ...common, ...voter, ...hall, ...call, ...admin, ...track, ...booking, ...duty, ...nudges, ...message, ...forum, ...elder, ...suggestion, ...apiReference } as const;

export type MessageKey = keyof typeof zhCN;
