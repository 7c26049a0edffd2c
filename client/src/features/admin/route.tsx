/** The back office's one route in the app's router: /admin/* loads its pages on demand (voters never download them). */
import type { RouteObject } from "react-router-dom";

export const adminRoute: RouteObject = {
  path: "/admin/*",
  lazy: async () => ({ Component: (await import("./AdminApp.tsx")).AdminApp }),
};
