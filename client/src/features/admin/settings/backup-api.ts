/** Backups over HTTP (docs/ARCHITECTURE.md §6f): the snapshots on the server, and one more now. Admins only. */
import { call } from "../../../api.ts";

export const backupApi = {
  list: () => call("GET /api/admin/backups"),
  takeNow: () => call("POST /api/admin/backups"),
};
