/**
 * The four steps every handler takes, in order: no ack (the last argument)
 * → no work; validate (one payload, well-formed text in every key and string,
 * then the schema); call the service; answer `{ok,data}` or `{ok:false,error}`.
 *
 * `liveEvents(socket, log)` gives the one way to register a handler, typed
 * from protocol/events.ts: the schema must parse exactly the event's payload
 * type and the service's answer must be the event's ack data, so a change on
 * either side fails the type check instead of reaching a client.
 */
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { AckFn } from "../../protocol/errors.ts";
import type { AckData, ClientEvent, ClientToServerEvents, PayloadOf, ServerToClientEvents, SocketData } from "../../protocol/events.ts";
import type { Logger } from "../../logger.ts";
import { findIllFormed, ILL_FORMED_MESSAGE, illFormedDetails } from "../../protocol/well-formed.ts";
import { badRequest, toErrorBody } from "../error-mapping.ts";
import type { SocketAudit } from "../audit-hooks.ts";

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What arrives from the wire: any arguments, until the schema has read them. */
export type RawHandler = (...args: unknown[]) => Promise<void>;

const WRONG_SHAPE = "请求格式有误：应为一个对象和一个回执 / expected one payload object and an acknowledgement";

/** `S` when its input type is the event's payload type, both ways; `never` (a type error) otherwise. */
export type SchemaOf<E extends ClientEvent, S extends z.ZodType> = [z.input<S>] extends [PayloadOf<E>]
  ? [PayloadOf<E>] extends [z.input<S>]
    ? S
    : never
  : never;

export function handle<E extends ClientEvent, S extends z.ZodType>(
  event: E,
  schema: S,
  log: Logger,
  run: (input: z.output<S>) => Promise<AckData<E>>,
  audit?: SocketAudit,
): RawHandler {
  return async (...args) => {
    // Socket.IO passes the ack as the last argument, wherever the client put
    // it: `emit(e, ack)` or `emit(e, a, b, ack)` must still get an answer.
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const reply = ack as AckFn<AckData<E>>;
    if (args.length !== 2) return reply({ ok: false, error: { code: "BAD_REQUEST", message: WRONG_SHAPE, details: { _: WRONG_SHAPE } } });
    const raw = args[0];
    // Every key and string, known field or not, before anything reads it.
    const illFormed = findIllFormed(raw);
    if (illFormed !== null) return reply({ ok: false, error: { code: "BAD_REQUEST", message: ILL_FORMED_MESSAGE, details: illFormedDetails(illFormed) } });
    const input = schema.safeParse(raw);
    if (!input.success) return reply({ ok: false, error: badRequest(input.error) });
    let answer: Parameters<typeof reply>[0];
    try {
      answer = { ok: true, data: await run(input.data) };
    } catch (e) {
      answer = { ok: false, error: toErrorBody(e, log, event) };
    }
    // Recorded after the service committed (or refused), before the answer leaves (§6f).
    await audit?.(event, input.data, answer.ok ? { ok: true, data: answer.data } : { ok: false, code: answer.error.code });
    reply(answer);
  };
}

export type Register = <E extends ClientEvent, S extends z.ZodType>(
  event: E,
  schema: S & SchemaOf<E, S>,
  run: (input: z.output<S>) => Promise<AckData<E>>,
) => void;

/** The socket's `register(event, schema, run)`: one line per event, checked against the contract, audited (§6f). */
export function liveEvents(socket: LiveSocket, log: Logger, audit: SocketAudit): Register {
  return (event, schema, run) => {
    const listener: ClientToServerEvents[typeof event] = handle(event, schema, log, run, audit);
    // socket.io's `on` resolves its listener type only for a literal event name;
    // for a generic one, say what it resolves to (the line above checked it).
    socket.on(event, listener as Parameters<typeof socket.on<typeof event>>[1]);
  };
}
