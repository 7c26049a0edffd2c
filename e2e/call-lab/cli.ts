/** `npx tsx e2e/call-lab/cli.ts direct 3` — one lab run, its JSON on stdout (for poking at it by hand). */
import { ensureClientBuilt } from "../browser-env.ts";
import { runCallLab } from "./run-lab.ts";

const mode = (process.argv[2] ?? "direct") as "direct" | "relay";
const calls = Number(process.argv[3] ?? 1);
ensureClientBuilt();
console.log(JSON.stringify(await runCallLab({ mode, calls, timeoutMs: 300_000 }), null, 2));
