import { configDefaults, defineConfig } from "vitest/config";

/**
 * Integration files that only make sense on SQLite: they kill -9 a process
 * writing the SQLite file, or seed a SQLite file. multi-node (and the other
 * two-node suites) run on PostgreSQL + Redis in the `server` project already.
 */
const NOT_ON_POSTGRES = [
  "server/test/durability.test.ts",
  "server/test/demo-seed.test.ts",
  "server/test/multi-node.test.ts",
  "server/test/cluster-faults.test.ts",
  "server/test/cluster-script.test.ts",
  "server/test/shared-limits.test.ts",
  "server/test/compiled-server.test.ts",
  "server/test/upgrade.test.ts",
  "server/test/db-copy.test.ts",
  // starts its own cluster on PostgreSQL + Redis whatever the project's storage
  "server/test/tls-entry.test.ts",
];

/** Files that never touch storage: one run (in `server`) is enough. */
const STORAGE_FREE = ["server/test/turn-check.test.ts", "server/test/public-entry.test.ts"];

// Four projects: pure + integration tests of the server; the same integration
// suites on PostgreSQL (server-pg: one suite, two storages, see
// server/test/helpers/test-storage.ts); the client's pure reducers; and
// browser journeys in e2e/. Two workers at most: the machines have two cores
// and each server test starts a real server.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "server",
          include: ["server/**/*.test.ts", "prisma/**/*.test.ts"],
          globalSetup: ["server/test/global-setup.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "server-pg",
          include: ["server/test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...NOT_ON_POSTGRES, ...STORAGE_FREE],
          env: { TEST_STORAGE: "postgres" },
          // Skips loudly when PostgreSQL is unreachable, fails when MULTI_NODE_REQUIRED=1.
          globalSetup: ["server/test/global-setup-postgres.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: {
          alias: {
            "@protocol": new URL("./server/src/protocol", import.meta.url).pathname,
            "@domain": new URL("./server/src/domain", import.meta.url).pathname,
          },
        },
        test: { name: "client", include: ["client/src/**/*.test.ts"], environment: "node" },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          // One migrated template database and one client build for all browser files.
          globalSetup: ["server/test/global-setup.ts", "e2e/global-setup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // In parallel with the other projects' files (vitest runs a one-worker project only after
          // all the others): each browser file has its own server, database, ports and namespace.
        },
      },
    ],
  },
});
