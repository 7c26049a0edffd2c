/**
 * 三色督办 by department (docs/ARCHITECTURE.md §6e): for the office, how many
 * of each lead department's suggestions in handling are red, yellow or green,
 * the most overdue department first. Pure: the page counts what it listed.
 */
import type { Supervision, SuggestionView } from "@protocol/suggestions.ts";

export interface DepartmentBoardRow {
  departmentId: string;
  departmentName: string;
  RED: number;
  YELLOW: number;
  GREEN: number;
  total: number;
}

export function boardByDepartment(rows: readonly Pick<SuggestionView, "leadDepartmentId" | "leadDepartmentName" | "supervision">[]): DepartmentBoardRow[] {
  const byId = new Map<string, DepartmentBoardRow>();
  for (const s of rows) {
    if (!s.leadDepartmentId || !s.supervision) continue;
    const row = byId.get(s.leadDepartmentId) ?? { departmentId: s.leadDepartmentId, departmentName: s.leadDepartmentName ?? "", RED: 0, YELLOW: 0, GREEN: 0, total: 0 };
    row[s.supervision satisfies Supervision] += 1;
    row.total += 1;
    byId.set(s.leadDepartmentId, row);
  }
  return [...byId.values()].sort(
    (a, b) => b.RED - a.RED || b.YELLOW - a.YELLOW || b.total - a.total || a.departmentName.localeCompare(b.departmentName, "zh-CN"),
  );
}
