import { defineConfig } from "vitest/config";

// Three projects: pure + integration tests of the server, the client's pure
// reducers, and browser journeys in e2e/. Two workers at most: the machines
// have two cores and each server test starts a real server.
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
          fileParallelism: false,
        },
      },
    ],
  },
});
