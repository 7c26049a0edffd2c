/** Backups over HTTP (docs/ARCHITECTURE.md §6f): the snapshots on the server, and one more now. Admins only. */
import type { BackupView } from "@protocol/back-office.ts";
import { request } from "../../../api.ts";

export const backupApi = {
  list: () => request<{ backups: BackupView[] }>("GET", "/api/admin/backups"),
  takeNow: () => request<{ backup: BackupView }>("POST", "/api/admin/backups", {}),
};
