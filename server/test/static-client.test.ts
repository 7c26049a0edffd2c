import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../client/vite-plugins/precompress.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

// A client build in miniature, precompressed by the same code the Vite build runs.
const dir = mkdtempSync(path.join(tmpdir(), "tongxin-static-"));
const SCRIPT = `console.log(${JSON.stringify("同心".repeat(2000))});\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-B3x_9aQe.js"></script></head><body>${"<div></div>".repeat(200)}</body></html>`;
mkdirSync(path.join(dir, "assets"));
// The voter page's own copy of index.html naming its chunks (client/vite-plugins/route-pages.ts); no booking.html in this build.
const VOTER = INDEX.replace("</head>", `<link rel="modulepreload" crossorigin href="/assets/public-Dq81kLmN.js"></head>`);
writeFileSync(path.join(dir, "index.html"), INDEX);
writeFileSync(path.join(dir, "voter.html"), VOTER);
writeFileSync(path.join(dir, "assets", "index-B3x_9aQe.js"), SCRIPT);
writeFileSync(path.join(dir, "assets", "index-B3x_9aQe.js.map"), "{}");
writeFileSync(path.join(dir, "assets", "tiny-Cz81kLmN.css"), "a{}");
writeFileSync(path.join(dir, "favicon.ico"), readFileSync("client/public/favicon.ico"));
precompressDir(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const t = useTestServer({ world: false, config: { clientDir: dir } });

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that shows the bytes on the wire (fetch would decompress them). */
function get(pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the built client over HTTP", () => {
  it("a browser that accepts brotli gets the brotli file, with its type, Vary and a year's immutable cache", async () => {
    const res = await get("/assets/index-B3x_9aQe.js", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers.vary).toContain("Accept-Encoding");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it("a client that accepts only gzip gets gzip; one that accepts nothing gets the plain file", async () => {
    const gz = await get("/assets/index-B3x_9aQe.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const refused = await get("/assets/index-B3x_9aQe.js", { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    const plain = await get("/assets/index-B3x_9aQe.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toContain("Accept-Encoding");
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it("a small file is served as is, still cached as a hashed asset", async () => {
    const res = await get("/assets/tiny-Cz81kLmN.css", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(res.body.toString()).toBe("a{}");
    expect(res.headers["cache-control"]).toContain("immutable");
  });

  it("every client route gets index.html, compressed and never cached without asking", async () => {
    for (const route of ["/", "/hall/abc", "/desk/abc", "/screen/abc", "/admin", "/admin/stats", "/track", "/track/TX-1234", "/b/ABC234", "/v/venue1", "/v/venue1/poster", "/d/user1", "/i/some-invitation-token", "/login", "/help/voice"]) {
      const res = await get(route, { "accept-encoding": "br" });
      expect(res.status, route).toBe(200);
      expect(res.headers["content-type"], route).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"], route).toBe("no-cache");
      expect(res.headers["content-encoding"], route).toBe("br");
      expect(brotliDecompressSync(res.body).toString(), route).toBe(INDEX);
    }
  });

  it("a public page with its own HTML gets it, naming its chunks; one the build has none for gets index.html", async () => {
    for (const route of ["/s/abc", "/s/abc/"]) {
      const res = await get(route, { "accept-encoding": "br" });
      expect(res.status, route).toBe(200);
      expect(res.headers["cache-control"], route).toBe("no-cache");
      expect(brotliDecompressSync(res.body).toString(), route).toBe(VOTER);
    }
    expect((await get("/b/ABC234")).body.toString()).toBe(INDEX);
    // Not a file of its own: only the route serves it.
    expect((await get("/voter.html")).status).toBe(404);
  });

  it("the voter's page asks the browser to fetch its session while the scripts download", async () => {
    const res = await get("/s/cmx4ekn4k00036u7dtfxh2y0x");
    expect(res.headers.link).toBe("</api/sessions/cmx4ekn4k00036u7dtfxh2y0x>; rel=preload; as=fetch; crossorigin=anonymous");
    expect((await get("/s/a%0d%0aSet-Cookie:x")).headers.link).toBeUndefined();
    expect((await get("/hall/abc")).headers.link).toBeUndefined();
  });

  it("a booking's page asks for the booking the same way, when its code is written as the client fetches it", async () => {
    expect((await get("/b/ABC234")).headers.link).toBe("</api/bookings/ABC234>; rel=preload; as=fetch; crossorigin=anonymous");
    // abc-234 is fetched as ABC234: a preload of another URL would be a wasted request.
    expect((await get("/b/abc-234")).headers.link).toBeUndefined();
    expect((await get("/b/A%0d%0aSet-Cookie:x")).headers.link).toBeUndefined();
  });

  it("a missing file is a 404, never the app's HTML with 200", async () => {
    for (const missing of ["/assets/nope.js", "/assets/index-OLDHASH1.js", "/favicon.png", "/robots.txt", "/nope", "/wp-login.php", "/index.html"]) {
      const res = await get(missing);
      expect(res.status, missing).toBe(404);
      expect(res.body.toString(), missing).not.toContain("/assets/index-B3x_9aQe.js");
    }
  });

  it("source maps are not served even when a build left one behind", async () => {
    expect((await get("/assets/index-B3x_9aQe.js.map")).status).toBe(404);
  });

  it("the favicon is a real icon", async () => {
    const res = await get("/favicon.ico");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/x-icon");
    expect(res.body.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it("a revalidation with the ETag answers 304 without a body; HEAD answers headers only", async () => {
    const first = await get("/", { "accept-encoding": "br" });
    const again = await get("/", { "accept-encoding": "br", "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get("/assets/index-B3x_9aQe.js", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
  });

  it("the API keeps its JSON 404 beside the client", async () => {
    const res = await get("/api/nope");
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
