/**
 * The administrator's backups (docs/ARCHITECTURE.md §6f), in the browser:
 * 系统管理 lists the snapshots the server keeps, and 立即备份 takes one that
 * appears at the top of the list, also after a reload.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM, loginAs, openPage, screenshot, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

describe.skipIf(!CHROMIUM)("backups", () => {
  const backupDir = mkdtempSync(path.join(os.tmpdir(), "tongxin-e2e-backups-"));
  const world = useWorld({ config: { backupDir } });

  afterAll(async () => {
    rmSync(backupDir, { recursive: true, force: true });
  });

  it("the administrator backs up now from 系统管理 and sees the snapshot listed", async () => {
    const { page, context } = await openPage(world, "admin");
    await loginAs(context, world.base, "admin");
    await page.goto("/admin/settings");
    const panel = page.getByTestId("backups-admin");
    await eventually(() => panel.textContent()).toContain("还没有备份");

    await panel.getByRole("button", { name: "立即备份" }).click();
    await eventually(() => panel.getByTestId("backup-done").textContent()).toMatch(/已备份：tongxin-\d{8}T\d{6}Z\.db/);
    const [file] = readdirSync(backupDir);
    expect(file).toMatch(/^tongxin-\d{8}T\d{6}Z\.db$/);
    await eventually(() => panel.getByTestId("backups-table").textContent()).toContain(file!);
    await screenshot(page, "backups-admin");

    await page.reload();
    await eventually(() => page.getByTestId("backups-table").textContent()).toContain(file!);
    expect(world.errors).toEqual([]);
  });
});
