import { describe, expect, it } from "vitest";
import { backupName, backupsToPrune, backupTakenAt, newestFirst } from "./backup-names.ts";

const at = new Date("2026-12-07T06:15:09.734Z");

describe("backup names", () => {
  it("name the UTC second the snapshot was taken, with the storage's extension", () => {
    expect(backupName(at, "db", [])).toBe("tongxin-20261207T061509Z.db");
    expect(backupName(at, "dump", [])).toBe("tongxin-20261207T061509Z.dump");
  });

  it("give a second snapshot in the same second a -2 suffix, a third -3", () => {
    expect(backupName(at, "db", ["tongxin-20261207T061509Z.db"])).toBe("tongxin-20261207T061509Z-2.db");
    expect(backupName(at, "db", ["tongxin-20261207T061509Z.db", "tongxin-20261207T061509Z-2.db"])).toBe("tongxin-20261207T061509Z-3.db");
  });

  it("read back when a snapshot was taken, and nothing from other files", () => {
    expect(backupTakenAt("tongxin-20261207T061509Z-2.db")?.toISOString()).toBe("2026-12-07T06:15:09.000Z");
    expect(backupTakenAt("notes.txt")).toBeNull();
    expect(backupTakenAt("tongxin-20261207T061509Z.db.partial")).toBeNull();
  });

  it("prune all but the newest N, never a file that is not a snapshot", () => {
    const names = ["tongxin-20261205T010000Z.db", "tongxin-20261207T010000Z.db", "tongxin-20261207T010000Z-2.db", "README", "tongxin-20261206T010000Z.db"];
    expect(newestFirst(names)).toEqual(["tongxin-20261207T010000Z-2.db", "tongxin-20261207T010000Z.db", "tongxin-20261206T010000Z.db", "tongxin-20261205T010000Z.db"]);
    expect(backupsToPrune(names, 2)).toEqual(["tongxin-20261206T010000Z.db", "tongxin-20261205T010000Z.db"]);
    expect(backupsToPrune(names, 14)).toEqual([]);
  });
});
