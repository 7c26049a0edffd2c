import { describe, expect, it } from "vitest";
import { matches, readReference, typeOf } from "./reference.ts";

const refusal = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } } });

/** A small document in the shape GET /api/openapi.json has. */
const doc = {
  openapi: "3.1.0",
  info: { title: "Tongxin 同心 API", version: "1.2.3" },
  paths: {
    "/api/venues/{id}/messages": {
      post: {
        summary: "Leave a message at a station",
        tags: ["message box"],
        security: [],
        parameters: [{ in: "path", name: "id", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  text: { type: "string", minLength: 1, maxLength: 2000 },
                  phone: { anyOf: [{ type: "string", maxLength: 30, pattern: "^[0-9]*$" }, { type: "null" }] },
                  requestId: { type: "string", format: "uuid", pattern: "^[0-9a-f-]+$" },
                },
                required: ["text"],
              },
            },
          },
        },
        responses: { "201": { description: "created" }, "400": refusal("BAD_REQUEST"), "429": refusal("RATE_LIMITED"), "404": refusal("NOT_FOUND") },
      },
    },
    "/api/suggestions": {
      get: {
        summary: "The suggestions the caller may see",
        tags: ["suggestions"],
        "x-roles": ["ADMIN", "STAFF"],
        parameters: [{ in: "query", name: "status", schema: { type: "string", enum: ["DRAFT", "SUBMITTED"] } }],
        responses: { "200": { description: "ok" }, "401": refusal("UNAUTHENTICATED"), "403": refusal("FORBIDDEN") },
      },
      post: {
        summary: "Draft a suggestion",
        tags: ["suggestions"],
        "x-roles": ["DEPUTY"],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { agenda: { type: "array", maxItems: 20, items: { type: "object", properties: { title: { type: "string", maxLength: 80 } }, required: ["title"] } } },
              },
            },
          },
        },
        responses: { "201": { description: "created" } },
      },
    },
    "/api/auth/me": { get: { summary: "Who is logged in", tags: ["accounts"], "x-roles": "any account", responses: { "200": { description: "ok" } } } },
  },
};

describe("the API reference", () => {
  const ref = readReference(doc);

  it("groups routes by tag in the document's order, each route sorted by path then method", () => {
    expect(ref.groups.map((g) => g.tag)).toEqual(["message box", "suggestions", "accounts"]);
    expect(ref.groups[1]!.operations.map((o) => `${o.method} ${o.path}`)).toEqual(["GET /api/suggestions", "POST /api/suggestions"]);
    expect(ref.count).toBe(4);
    expect(ref.version).toBe("1.2.3");
  });

  it("says who may call: public from an empty security, roles from x-roles, any account otherwise", () => {
    const who = ref.groups.flatMap((g) => g.operations.map((o) => o.who));
    expect(who).toEqual([{ kind: "public" }, { kind: "roles", roles: ["ADMIN", "STAFF"] }, { kind: "roles", roles: ["DEPUTY"] }, { kind: "login" }]);
  });

  it("lists path, query and body fields with their type, whether required, limits and choices", () => {
    const post = ref.groups[0]!.operations[0]!;
    expect(post.fields.map((f) => [f.in, f.name, f.type, f.required])).toEqual([
      ["path", "id", "string", true],
      ["body", "text", "string", true],
      ["body", "phone", "string | null", false],
      ["body", "requestId", "string", false],
    ]);
    expect(post.fields[1]!.limits).toEqual([{ kind: "length", min: 1, max: 2000 }]);
    expect(post.fields[2]!.limits).toEqual([
      { kind: "length", max: 30 },
      { kind: "pattern", value: "^[0-9]*$" },
    ]);
    // a format reads better than its regular expression
    expect(post.fields[3]!.limits).toEqual([{ kind: "format", value: "uuid" }]);
    expect(ref.groups[1]!.operations[0]!.fields[0]!.enumValues).toEqual(["DRAFT", "SUBMITTED"]);
  });

  it("names the fields of an array's objects after the array", () => {
    const fields = ref.groups[1]!.operations[1]!.fields;
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ["agenda", "object[]", false],
      ["agenda[].title", "string", true],
    ]);
    expect(fields[0]!.limits).toEqual([{ kind: "items", max: 20 }]);
  });

  it("marks the limits of an array's items as each item's", () => {
    const tags = { type: "array", maxItems: 3, items: { type: "string", maxLength: 9 } };
    const one = readReference({ paths: { "/x": { post: { requestBody: { content: { "application/json": { schema: { type: "object", properties: { tags } } } } } } } } });
    expect(one.groups[0]!.operations[0]!.fields[0]!.limits).toEqual([
      { kind: "items", max: 3 },
      { kind: "length", max: 9, each: true },
    ]);
  });

  it("separates the success answer from the refusals, in status order", () => {
    const post = ref.groups[0]!.operations[0]!;
    expect(post.success?.status).toBe("201");
    expect(post.refusals.map((r) => r.status)).toEqual(["400", "404", "429"]);
  });

  it("reads a broken or empty document as no routes rather than failing", () => {
    expect(readReference(null).groups).toEqual([]);
    expect(readReference({ paths: { "/x": "nonsense" } }).count).toBe(0);
  });

  it("spells types the usual short way", () => {
    expect(typeOf({ type: ["string", "null"] })).toBe("string | null");
    expect(typeOf({ type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } })).toBe("(string | integer)[]");
  });

  it("filters on every word typed, in method, path, summary or tag", () => {
    const post = ref.groups[0]!.operations[0]!;
    expect(matches(post, "message box", "post messages")).toBe(true);
    expect(matches(post, "message box", "GET messages")).toBe(false);
    expect(matches(post, "message box", "")).toBe(true);
  });
});
