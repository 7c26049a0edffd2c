/**
 * The four steps every handler takes, in order: no ack (the last argument)
 * → no work; validate (one payload, well-formed text in every key and string,
 * then the schema); call the service; answer `{ok,data}` or `{ok:false,error}`.
 *
 * `LiveRoutes.on(event, schema, run)` is the one way to register a handler,
 * typed from protocol/events.ts: the schema must parse exactly the event's
 * payload type and the service's answer must be the event's ack data, so a
 * change on either side fails the type check instead of reaching a client.
 *
 * Handlers are made once per server, not once per socket: each socket gets the
 * same listener functions (an EventEmitter calls them with the socket as
 * `this`), and what a connection keeps lives in one object per socket. Per
 * socket closures cost an idle viewer ~6 KB (bench/probes/viewer-heap.ts).
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
export type RawHandler = (this: LiveSocket, ...args: unknown[]) => Promise<void>;

const WRONG_SHAPE = "请求格式有误：应为一个对象和一个回执 / expected one payload object and an acknowledgement";

/** `S` when its input type is the event's payload type, both ways; `never` (a type error) otherwise. */
export type SchemaOf<E extends ClientEvent, S extends z.ZodType> = [z.input<S>] extends [PayloadOf<E>]
  ? [PayloadOf<E>] extends [z.input<S>]
    ? S
    : never
  : never;

/** What a server's routes share: its log, how a socket's connection is found, the audit and the ack count. */
interface RouteKit<C> {
  log: Logger;
  connOf: (socket: LiveSocket) => C;
  /** records a staff event after it ran, before its answer leaves (§6f) */
  audit: (conn: C) => SocketAudit | undefined;
  /** every answer's code ("OK" or the error's), for /metrics */
  answered: (event: ClientEvent, code: string) => void;
}

function handle<E extends ClientEvent, S extends z.ZodType, C>(event: E, schema: S, run: (input: z.output<S>, conn: C) => Promise<AckData<E>>, kit: RouteKit<C>): RawHandler {
  return async function (this: LiveSocket, ...args) {
    // Socket.IO passes the ack as the last argument, wherever the client put
    // it: `emit(e, ack)` or `emit(e, a, b, ack)` must still get an answer.
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const reply = (answer: Parameters<AckFn<AckData<E>>>[0]) => {
      kit.answered(event, answer.ok ? "OK" : answer.error.code);
      (ack as AckFn<AckData<E>>)(answer);
    };
    if (args.length !== 2) return reply({ ok: false, error: { code: "BAD_REQUEST", message: WRONG_SHAPE, details: { _: WRONG_SHAPE } } });
    const raw = args[0];
    // Every key and string, known field or not, before anything reads it.
    const illFormed = findIllFormed(raw);
    if (illFormed !== null) return reply({ ok: false, error: { code: "BAD_REQUEST", message: ILL_FORMED_MESSAGE, details: illFormedDetails(illFormed) } });
    const input = schema.safeParse(raw);
    if (!input.success) return reply({ ok: false, error: badRequest(input.error) });
    const conn = kit.connOf(this);
    let answer: Parameters<typeof reply>[0];
    try {
      answer = { ok: true, data: await run(input.data, conn) };
    } catch (e) {
      answer = { ok: false, error: toErrorBody(e, kit.log, event) };
    }
    await kit.audit(conn)?.(event, input.data, answer.ok ? { ok: true, data: answer.data } : { ok: false, code: answer.error.code });
    reply(answer);
  };
}

/**
 * A server's live handlers: `on(event, schema, run)` once per event at start;
 * `serve(socket)` gives a new socket the one listener that dispatches them
 * (`onAny`, called with the socket as `this`; an event with no route is
 * ignored). `run` gets the input and the socket's connection object.
 */
export class LiveRoutes<C> {
  private readonly routes = new Map<string, RawHandler>();
  private readonly dispatch: (this: LiveSocket, event: unknown, ...args: unknown[]) => void;

  constructor(private readonly kit: RouteKit<C>) {
    const routes = this.routes;
    this.dispatch = function (event, ...args) {
      const route = typeof event === "string" ? routes.get(event) : undefined;
      // A handler answers its own errors; this only keeps a slip from being an unhandled rejection.
      if (route) route.apply(this, args).catch((e: unknown) => kit.log.error("socket handler failed", { event, error: (e as Error)?.name ?? typeof e }));
    };
  }

  on<E extends ClientEvent, S extends z.ZodType>(event: E, schema: S & SchemaOf<E, S>, run: (input: z.output<S>, conn: C) => Promise<AckData<E>>): void {
    this.routes.set(event, handle(event, schema, run, this.kit));
  }

  serve(socket: LiveSocket): void {
    socket.onAny(this.dispatch);
  }
}
