/**
 * Global setup of the `server-pg` project: the integration suites need
 * PostgreSQL on 127.0.0.1:5432. Unreachable, the run fails when
 * MULTI_NODE_REQUIRED=1 (CI) and is skipped with a loud warning otherwise.
 */
import { PG_BASE, postgresReachable } from "./helpers/postgres.ts";

export default async function setup(): Promise<void> {
  if (await postgresReachable()) return;
  const msg = `PostgreSQL (${new URL(PG_BASE).host}) is not reachable: the integration suites on PostgreSQL (project server-pg)`;
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error(`${msg} are required here`);
  console.warn(`\n!!! ${msg} are SKIPPED !!!\n`);
  process.env.TONGXIN_TEST_PG_UNREACHABLE = "1";
}
