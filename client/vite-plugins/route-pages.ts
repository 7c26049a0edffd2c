/**
 * One HTML file per public page that is a chunk of its own (`voter.html`,
 * `booking.html`…): index.html plus `<link rel=modulepreload>` for that
 * page's chunks (and its CSS), so the browser fetches them together with the
 * entry, in one round trip, instead of after the entry has run. The server
 * sends the page's file for its route (server/src/transport/http/static-client.ts
 * ROUTE_PAGES); the home page and everything else get index.html, which
 * carries none of them (docs/ARCHITECTURE.md "Serving the client"). voter.html
 * also marks where the server writes the session's first view.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/** page name → the module its route lazy-loads (client/src/App.tsx), relative to the client root */
export const ROUTE_PAGE_MODULES = {
  voter: "src/features/voter/VoterPage.tsx",
  booking: "src/features/booking/BookingStatusPage.tsx",
  track: "src/features/track/TrackPage.tsx",
  "track-lookup": "src/features/track/TrackLookupPage.tsx",
  venue: "src/features/messages/VenuePage.tsx",
  deputy: "src/features/messages/DeputyPage.tsx",
  rsvp: "src/features/forum/RsvpPage.tsx",
} as const;

/** The server replaces this comment in voter.html with the session's first view (server/src/transport/http/first-view.ts FIRST_VIEW_MARK). */
export const FIRST_VIEW_MARK = "<!--first-view-->";
const ROOT_DIV = '<div id="root"></div>';

interface ChunkLike {
  type: "chunk";
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  moduleIds: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export function routePages(): Plugin {
  let root = "";
  let outDir = "";
  return {
    name: "tongxin-route-pages",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // writeBundle: index.html is on disk by then, and precompress (closeBundle) runs after.
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkLike => o.type === "chunk") as unknown as ChunkLike[];
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: ChunkLike): Set<string> => {
        const seen = new Set<string>();
        const visit = (c: ChunkLike) => {
          if (seen.has(c.fileName)) return;
          seen.add(c.fileName);
          for (const f of c.imports) {
            const next = byFile.get(f);
            if (next) visit(next);
          }
        };
        visit(start);
        return seen;
      };
      // index.html's one script (src/main.tsx); lazy pages are dynamic entries, not entries.
      const entries = chunks.filter((c) => c.isEntry);
      const entry = entries[0];
      if (!entry || entries.length !== 1) throw new Error(`route-pages: expected one entry chunk, found ${entries.length}`);
      const inEntry = closure(entry);
      const html = readFileSync(path.join(outDir, "index.html"), "utf8");
      if (!html.includes("</head>")) throw new Error("route-pages: index.html has no </head>");
      for (const [name, module] of Object.entries(ROUTE_PAGE_MODULES)) {
        const abs = path.resolve(root, module);
        // A page's own chunk, or the group chunk it was gathered into (vite.config.ts codeSplitting).
        const page = chunks.find((c) => c.facadeModuleId === abs) ?? chunks.find((c) => c.moduleIds.includes(abs));
        if (!page) throw new Error(`route-pages: no chunk for ${module} (is it still lazy in App.tsx?)`);
        const files = [...closure(page)].filter((f) => !inEntry.has(f));
        const css = [...new Set(files.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]))];
        const links = [
          ...files.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
          ...css.map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
        ];
        let out = html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
        // Where the server writes the voter page's first view (server/src/transport/http/first-view.ts):
        // a build without this mark (an older one) is served as it is, never given a stand-in it cannot remove.
        if (name === "voter") {
          if (!out.includes(ROOT_DIV)) throw new Error(`route-pages: index.html has no ${ROOT_DIV}`);
          out = inlineStylesheets(out.replace(ROOT_DIV, `${FIRST_VIEW_MARK}${ROOT_DIV}`), outDir, new Set(css));
        }
        writeFileSync(path.join(outDir, `${name}.html`), out);
      }
    },
  };
}

/**
 * The first view must paint as soon as its HTML is in: a stylesheet link in
 * the head holds the first paint until it has arrived (on Fast 3G one more
 * round trip, sharing the bandwidth with the scripts: ~0.8 s). So the voter
 * page carries its CSS inline (~7 KB brotli, in the HTML's first round trip).
 * The page chunk's own stylesheets stay fetched as well (`rel=preload`): Vite
 * adds their link when the chunk is imported and waits for it, and the
 * preload has it in the cache by then.
 */
function inlineStylesheets(html: string, outDir: string, pageCss: Set<string>): string {
  return html.replace(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g, (_link, file: string) => {
    const css = readFileSync(path.join(outDir, file), "utf8");
    if (/<\/style/i.test(css)) throw new Error(`route-pages: ${file} contains "</style"; it cannot be inlined`);
    const preload = pageCss.has(file) ? `<link rel="preload" as="style" crossorigin href="/${file}">` : "";
    return `${preload}<style>${css}</style>`;
  });
}
