/**
 * docs/PRIVACY.md stays true: its inventory lists exactly the columns that
 * prisma/schema.prisma marks `/// @personal`, and the configuration and routes
 * it names exist.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";

const schema = readFileSync("prisma/schema.prisma", "utf8");
const doc = readFileSync("docs/PRIVACY.md", "utf8");

/** `Model.field` for every field whose doc comment starts with @personal. */
export function personalColumns(prisma: string): string[] {
  const out: string[] = [];
  let model: string | null = null;
  let marked = false;
  for (const line of prisma.split("\n")) {
    const m = /^model (\w+) \{/.exec(line);
    if (m) model = m[1]!;
    else if (/^\}/.test(line)) model = null;
    else if (model && /^\s*\/\/\/ @personal\b/.test(line)) marked = true;
    else if (model && marked && /^\s*\w+\s/.test(line) && !/^\s*\/\//.test(line)) {
      out.push(`${model}.${line.trim().split(/\s+/)[0]}`);
      marked = false;
    }
  }
  return out.sort();
}

/** The first cell of every inventory row: `Model.field`. */
export function inventoryColumns(markdown: string): string[] {
  const section = markdown.split(/^## Inventory$/m)[1]?.split(/^## /m)[0] ?? "";
  return section
    .split("\n")
    .map((l) => /^\|\s*`(\w+\.\w+)`\s*\|/.exec(l)?.[1])
    .filter((x): x is string => !!x)
    .sort();
}

describe("docs/PRIVACY.md", () => {
  it("lists every personal column of the schema, and only those", () => {
    const columns = personalColumns(schema);
    expect(columns).toContain("Ticket.phone");
    expect(columns.length).toBeGreaterThanOrEqual(10);
    expect(inventoryColumns(doc)).toEqual(columns);
  });

  it("names columns that exist in their models", () => {
    for (const col of inventoryColumns(doc)) {
      const [model, field] = col.split(".");
      const body = new RegExp(`^model ${model} \\{([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1] ?? "";
      expect(body, col).toMatch(new RegExp(`^\\s+${field}\\s`, "m"));
    }
  });

  it("gives each inventory row all six columns filled", () => {
    const section = doc.split(/^## Inventory$/m)[1]!.split(/^## /m)[0]!;
    for (const row of section.split("\n").filter((l) => /^\|\s*`/.test(l))) {
      const cells = row.split("|").slice(1, -1).map((c) => c.trim());
      expect(cells, row).toHaveLength(6);
      for (const c of cells) expect(c.length, row).toBeGreaterThan(0);
    }
  });

  it("documents the retention default the server uses", () => {
    expect(readConfig({}).retentionDays).toBe(180);
    expect(doc).toMatch(/`RETENTION_DAYS` \(default \*\*180\*\*/);
  });

  it("names the contract's routes", () => {
    for (const route of ["GET /api/privacy-notice", "GET /api/audit", "GET /api/me/data", "POST /api/me/erase", "GET /api/admin/retention", "POST /api/tickets/:id/phone", "GET /api/cases/:id/contact"]) {
      expect(doc, route).toContain(route);
    }
  });
});
