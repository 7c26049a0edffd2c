import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { AppShell } from "./components/AppShell.tsx";
import { NotFoundPage } from "./components/NotFoundPage.tsx";
import { PageErrorBoundary } from "./components/PageFailed.tsx";
import { PageLoading } from "./components/PageLoading.tsx";
import { RequireLogin } from "./components/RequireLogin.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { VoterPage } from "./features/voter/VoterPage.tsx";

// The voter's page and the home page are in the first download: a phone on 3G
// opens /s/:id from a QR code and must not wait for a second round trip.
// Everything staff use (and the TV) is a chunk of its own, fetched when opened
// (React.lazy rather than the router's `lazy`, so the first render never waits
// for a HydrateFallback).
const LoginPage = lazy(() => import("./features/auth/LoginPage.tsx").then((m) => ({ default: m.LoginPage })));
const AccountPasswordPage = lazy(() => import("./features/auth/AccountPasswordPage.tsx").then((m) => ({ default: m.AccountPasswordPage })));
const TrackPage = lazy(() => import("./features/track/TrackPage.tsx").then((m) => ({ default: m.TrackPage })));
const TrackLookupPage = lazy(() => import("./features/track/TrackLookupPage.tsx").then((m) => ({ default: m.TrackLookupPage })));
const HallConsolePage = lazy(() => import("./features/hall/HallConsolePage.tsx").then((m) => ({ default: m.HallConsolePage })));
const DeskPage = lazy(() => import("./features/desk/DeskPage.tsx").then((m) => ({ default: m.DeskPage })));
const HallScreenPage = lazy(() => import("./features/screen/HallScreenPage.tsx").then((m) => ({ default: m.HallScreenPage })));
const BookingStatusPage = lazy(() => import("./features/booking/BookingStatusPage.tsx").then((m) => ({ default: m.BookingStatusPage })));
const VenuePage = lazy(() => import("./features/messages/VenuePage.tsx").then((m) => ({ default: m.VenuePage })));
const PosterPage = lazy(() => import("./features/messages/PosterPage.tsx").then((m) => ({ default: m.PosterPage })));
const DeputyPage = lazy(() => import("./features/messages/DeputyPage.tsx").then((m) => ({ default: m.DeputyPage })));
const RsvpPage = lazy(() => import("./features/forum/RsvpPage.tsx").then((m) => ({ default: m.RsvpPage })));
const VoiceGuidePage = lazy(() => import("./features/help/VoiceGuidePage.tsx").then((m) => ({ default: m.VoiceGuidePage })));
const AdminApp = lazy(() => import("./features/admin/AdminApp.tsx").then((m) => ({ default: m.AdminApp })));

// A page whose chunk failed to arrive (or that threw) says so in words, inside the shell.
const page = (element: ReactNode) => (
  <PageErrorBoundary>
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </PageErrorBoundary>
);

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: "/", element: page(<HomePage />) },
      { path: "/login", element: page(<LoginPage />) },
      { path: "/account/password", element: page(<RequireLogin><AccountPasswordPage /></RequireLogin>) },
      { path: "/s/:sessionId", element: page(<VoterPage />) },
      { path: "/track", element: page(<TrackLookupPage />) },
      { path: "/track/:code", element: page(<TrackPage />) },
      { path: "/b/:code", element: page(<BookingStatusPage />) },
      { path: "/v/:venueId", element: page(<VenuePage />) },
      { path: "/d/:userId", element: page(<DeputyPage />) },
      { path: "/i/:token", element: page(<RsvpPage />) },
      { path: "/hall/:sessionId", element: page(<RequireLogin><HallConsolePage /></RequireLogin>) },
      { path: "/desk/:sessionId", element: page(<RequireLogin><DeskPage /></RequireLogin>) },
      { path: "/admin/*", element: page(<AdminApp />) },
      { path: "/help/voice", element: page(<VoiceGuidePage />) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  // The hall screen is a TV: no header, no chrome, public projection only.
  { path: "/screen/:sessionId", element: page(<HallScreenPage />) },
  // The poster is a sheet of paper: no header either.
  { path: "/v/:venueId/poster", element: page(<PosterPage />) },
]);

export function App() {
  return <RouterProvider router={router} />;
}
