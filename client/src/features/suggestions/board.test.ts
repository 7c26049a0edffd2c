import { describe, expect, it } from "vitest";
import { boardByDepartment } from "./board.ts";

const s = (leadDepartmentId: string | null, leadDepartmentName: string | null, supervision: "RED" | "YELLOW" | "GREEN" | null) => ({ leadDepartmentId, leadDepartmentName, supervision });

describe("the supervision board by department", () => {
  it("counts each lead department's suggestions in handling by colour, the most overdue department first", () => {
    const board = boardByDepartment([
      s("jt", "区交通运输局", "GREEN"),
      s("zj", "区住建局", "RED"),
      s("jt", "区交通运输局", "YELLOW"),
      s("zj", "区住建局", "GREEN"),
      s("ms", "区民政局", "YELLOW"),
      s("ms", "区民政局", "YELLOW"),
      s("zj", "区住建局", "RED"),
    ]);
    expect(board.map((r) => [r.departmentName, r.RED, r.YELLOW, r.GREEN, r.total])).toEqual([
      ["区住建局", 2, 0, 1, 3],
      ["区民政局", 0, 2, 0, 2],
      ["区交通运输局", 0, 1, 1, 2],
    ]);
  });

  it("leaves out suggestions not yet assigned or already answered (no colour), and those without a department", () => {
    expect(boardByDepartment([s(null, null, null), s("zj", "区住建局", null), s(null, null, "RED")])).toEqual([]);
  });
});
