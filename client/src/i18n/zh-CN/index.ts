/**
 * 中文（默认）: the words every page may show, merged from one file per namespace. Keys are
 * flat "area.name"; `{x}` is filled in by t(key, { x }). The words only staff pages show
 * (hall console, desk, back office) are in staff/, loaded with those pages
 * (translate.ts loadStaffWords). Every other language must have exactly these keys
 * (en/index.ts is typed so), and dictionaries.test.ts checks no key is in two files.
 */
import type { StaffMessageKey } from "./staff/index.ts";
import { call } from "./call.ts";
import { booking } from "./booking.ts";
import { message } from "./message.ts";
import { forum } from "./forum.ts";
import { common } from "./common.ts";
import { hall } from "./hall.ts";
import { track } from "./track.ts";
import { voter } from "./voter.ts";
import { elder } from "./elder.ts";
import { suggestion } from "./suggestion.ts";

export const zhCNNamespaces = { common, voter, hall, call, track, booking, message, forum, elder, suggestion } as const;

export const zhCN = { ...common, ...voter, ...hall, ...call, ...track, ...booking, ...message, ...forum, ...elder, ...suggestion } as const;

/** A word every page may show. */
export type PublicMessageKey = keyof typeof zhCN;
export type MessageKey = PublicMessageKey | StaffMessageKey;
