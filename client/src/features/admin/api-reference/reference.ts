/**
 * Reads GET /api/openapi.json (docs/ARCHITECTURE.md §6) into what the API
 * reference page shows: the routes grouped by tag, who may call each, the
 * fields it takes and the refusals it answers. Pure, so it is tested on a
 * small document; the page only lays it out.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Who may call: anyone, any logged-in account, or the listed roles. */
export type Who = { kind: "public" } | { kind: "login" } | { kind: "roles"; roles: string[] };

/** One limit of a field, named so the page can put it in words in either language. */
export type Limit = ({ kind: "length" | "range" | "items"; min?: number; max?: number } | { kind: "format" | "pattern" | "default"; value: string }) & {
  /** a limit on each item of an array, not on the array */
  each?: true;
};

export interface Field {
  /** `title`, `agenda[].title` for a field of an array's items */
  name: string;
  in: "path" | "query" | "body";
  /** `string`, `integer`, `string[]`, `string | null` … */
  type: string;
  required: boolean;
  enumValues: string[];
  limits: Limit[];
}

export interface Answer {
  status: string;
  description: string;
}

export interface Operation {
  method: Method;
  /** OpenAPI spelling: `/api/venues/{id}/messages` */
  path: string;
  summary: string;
  who: Who;
  fields: Field[];
  /** the success answer (2xx/3xx) */
  success: Answer | null;
  /** every 4xx/5xx the route may answer, by status */
  refusals: Answer[];
}

export interface Group {
  tag: string;
  operations: Operation[];
}

export interface Reference {
  title: string;
  version: string;
  groups: Group[];
  count: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** `{ type: "string" }` → "string"; arrays, unions and nullables in the usual shorthand. */
export function typeOf(schema: unknown): string {
  if (!isObj(schema)) return "any";
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) return [...new Set(union.map(typeOf))].join(" | ");
  const t = schema.type;
  if (Array.isArray(t)) return t.map((x) => (x === "array" ? `${typeOf(schema.items)}[]` : String(x))).join(" | ");
  if (t === "array") {
    const item = typeOf(schema.items);
    return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
  }
  if (typeof t === "string") return t;
  if (Array.isArray(schema.enum)) return "string";
  if (isObj(schema.properties)) return "object";
  return "any";
}

/** The schema's enum, looking through a nullable union. */
function enumOf(schema: unknown): string[] {
  if (!isObj(schema)) return [];
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  return Array.isArray(union) ? union.flatMap(enumOf) : [];
}

export function limitsOf(schema: unknown): Limit[] {
  if (!isObj(schema)) return [];
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  const own: Limit[] = [];
  const pair = (kind: "length" | "range" | "items", min: unknown, max: unknown) => {
    const lo = num(min);
    const hi = num(max);
    if (lo !== undefined || hi !== undefined) own.push({ kind, ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) });
  };
  pair("length", schema.minLength, schema.maxLength);
  pair("range", schema.minimum, schema.maximum);
  pair("items", schema.minItems, schema.maxItems);
  const format = str(schema.format);
  if (format) own.push({ kind: "format", value: format });
  // A format says it better than its regular expression (a uuid's is unreadable).
  const pattern = str(schema.pattern);
  if (pattern && !format) own.push({ kind: "pattern", value: pattern });
  if (schema.default !== undefined) own.push({ kind: "default", value: JSON.stringify(schema.default) });
  const inner = Array.isArray(union) ? union.flatMap(limitsOf) : [];
  const items = schema.type === "array" && isObj(schema.items) && !isObj(schema.items.properties) ? limitsOf(schema.items).map((l): Limit => ({ ...l, each: true })) : [];
  return [...own, ...inner, ...items];
}

/** An object's properties as fields; the properties of an array's objects follow as `name[].sub`. */
function fieldsOf(schema: unknown, where: Field["in"], prefix = "", depth = 0): Field[] {
  if (!isObj(schema) || !isObj(schema.properties) || depth > 3) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties).flatMap(([name, sub]) => {
    const field: Field = { name: prefix + name, in: where, type: typeOf(sub), required: required.has(name), enumValues: enumOf(sub), limits: limitsOf(sub) };
    const nested = isObj(sub) && sub.type === "array" ? fieldsOf(sub.items, where, `${prefix}${name}[].`, depth + 1) : fieldsOf(sub, where, `${prefix}${name}.`, depth + 1);
    return [field, ...nested];
  });
}

function parametersOf(op: Obj): Field[] {
  const params = Array.isArray(op.parameters) ? op.parameters : [];
  return params.filter(isObj).flatMap((p): Field[] => {
    const where = p.in === "path" || p.in === "query" ? p.in : null;
    const name = str(p.name);
    if (!where || !name) return [];
    return [{ name, in: where, type: typeOf(p.schema), required: p.required === true || where === "path", enumValues: enumOf(p.schema), limits: limitsOf(p.schema) }];
  });
}

function bodyOf(op: Obj): Field[] {
  const body = op.requestBody;
  if (!isObj(body) || !isObj(body.content)) return [];
  const json = body.content["application/json"];
  return isObj(json) ? fieldsOf(json.schema, "body") : [];
}

export function whoOf(op: Obj): Who {
  if (Array.isArray(op.security) && op.security.length === 0) return { kind: "public" };
  const roles = op["x-roles"];
  if (Array.isArray(roles)) return { kind: "roles", roles: roles.map(String) };
  return { kind: "login" };
}

function answersOf(op: Obj): { success: Answer | null; refusals: Answer[] } {
  const responses = isObj(op.responses) ? op.responses : {};
  const all = Object.entries(responses)
    .map(([status, r]) => ({ status, description: isObj(r) ? (str(r.description) ?? "") : "" }))
    .sort((a, b) => a.status.localeCompare(b.status));
  return { success: all.find((a) => Number(a.status) < 400) ?? null, refusals: all.filter((a) => Number(a.status) >= 400) };
}

/** The document as the page shows it: tags in first-seen order, routes by path then method. */
export function readReference(doc: unknown): Reference {
  const d = isObj(doc) ? doc : {};
  const info = isObj(d.info) ? d.info : {};
  const paths = isObj(d.paths) ? d.paths : {};
  const groups = new Map<string, Operation[]>();
  let count = 0;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (!isObj(op)) continue;
      const tag = (Array.isArray(op.tags) ? str(op.tags[0]) : undefined) ?? "other";
      const { success, refusals } = answersOf(op);
      const operation: Operation = { method, path, summary: str(op.summary) ?? "", who: whoOf(op), fields: [...parametersOf(op), ...bodyOf(op)], success, refusals };
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
      count += 1;
    }
  }
  const order = (o: Operation) => `${o.path} ${METHODS.indexOf(o.method)}`;
  return {
    title: str(info.title) ?? "",
    version: str(info.version) ?? "",
    count,
    groups: [...groups].map(([tag, operations]) => ({ tag, operations: operations.sort((a, b) => order(a).localeCompare(order(b))) })),
  };
}

/** Does a route match what the reader typed (method, path, summary or tag; case-insensitive)? */
export function matches(op: Operation, tag: string, filter: string): boolean {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${op.method} ${op.path} ${op.summary} ${tag}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** A stable anchor for a tag's section. */
export const tagAnchor = (tag: string): string => `api-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
