/**
 * The four steps every handler takes, in order: no ack → no work; validate;
 * call the service; answer `{ok,data}` or `{ok:false,error}`.
 */
import type { z } from "zod";
import type { Ack } from "../../protocol/errors.ts";
import type { Logger } from "../../logger.ts";
import { badRequest, toErrorBody } from "../error-mapping.ts";

export type RawHandler = (raw: unknown, ack: unknown) => Promise<void>;

export function handle<S extends z.ZodType, R>(
  event: string,
  schema: S,
  log: Logger,
  run: (input: z.output<S>) => Promise<R>,
): RawHandler {
  return async (raw, ack) => {
    if (typeof ack !== "function") return;
    const reply = ack as (result: Ack<R>) => void;
    const input = schema.safeParse(raw);
    if (!input.success) return reply({ ok: false, error: badRequest(input.error) });
    try {
      reply({ ok: true, data: await run(input.data) });
    } catch (e) {
      reply({ ok: false, error: toErrorBody(e, log, event) });
    }
  };
}
