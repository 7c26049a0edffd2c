/** Path parameters the route table shares. */
import { z } from "zod";
import { str } from "../schemas.ts";

/** `:id` of a venue, a day, a case, a ticket …: opaque, bounded. */
export const idParam = z.object({ id: str().min(1).max(64) });
