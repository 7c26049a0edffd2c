/**
 * The HTTP contract as a document: GET /api/openapi.json is valid OpenAPI 3.1
 * (checked by an independent validator), lists every route the server mounts
 * and nothing else, and every route in the server is mounted from the table.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { httpRoutes } from "../src/protocol/http/index.ts";
import { openApiPath, splitKey } from "../src/protocol/http/route.ts";
import { mountedRoutes } from "../src/transport/http/mount.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; security?: unknown[]; "x-roles"?: unknown; responses: Record<string, unknown> }>>;
}

describe("GET /api/openapi.json", () => {
  const t = useTestServer({ world: false });

  it("is a valid OpenAPI 3.1 document, to an independent validator", async () => {
    const res = await fetch(`${t.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists exactly the routes the server mounts, each with its method, access and refusals", async () => {
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as Doc;
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const expected = Object.keys(httpRoutes).map((key) => {
      const { method, path: p } = splitKey(key);
      return `${method} ${openApiPath(p)}`;
    });
    expect(listed.sort()).toEqual(expected.sort());
    expect([...mountedRoutes().keys()].sort()).toEqual(Object.keys(httpRoutes).sort());

    const login = doc.paths["/api/auth/login"]?.post;
    expect(login?.security).toEqual([]);
    expect(Object.keys(login?.responses ?? {}).sort()).toEqual(["200", "400", "429"]);
    const create = doc.paths["/api/sessions"]?.post;
    expect(create?.["x-roles"]).toEqual(["ADMIN", "STAFF", "DEPUTY"]);
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(["201", "400", "401", "403"]));
  });

  it("is the only way a route is registered: no route file calls the router's methods itself", () => {
    const dir = path.resolve(import.meta.dirname, "../src/transport/http");
    const direct = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && f !== "mount.ts" && f !== "static-client.ts")
      .flatMap((f) => (readFileSync(path.join(dir, f), "utf8").match(/\b(r|router)\.(get|post|put|patch|delete)\(/g) ?? []).map((m) => `${f}: ${m}`));
    expect(direct).toEqual([]);
  });
});
