/** English: the same keys as zh-CN/index.ts, namespace by namespace (each file's type enforces it). */
import type { PublicMessageKey } from "../zh-CN/index.ts";
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

export const enNamespaces = { common, voter, hall, call, track, booking, message, forum, elder, suggestion } as const;

export const en: Record<PublicMessageKey, string> = { ...common, ...voter, ...hall, ...call, ...track, ...booking, ...message, ...forum, ...elder, ...suggestion };
