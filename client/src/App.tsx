import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AppShell } from "./components/AppShell.tsx";
import { NotFoundPage } from "./components/NotFoundPage.tsx";
import { PageErrorBoundary } from "./components/PageFailed.tsx";
import { PageLoading } from "./components/PageLoading.tsx";
import { RequireLogin } from "./components/RequireLogin.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { loadStaffWords } from "./i18n/translate.ts";
import { usePreferences } from "./stores/preferences.ts";

// The home page is in the first download; every other page is a chunk of its
// own. The server names the chunks of the public pages in their HTML
// (<link rel=modulepreload>, server/src/transport/http/static-client.ts), so
// a phone on 3G opening /s/:id from a QR code fetches the voter page with the
// entry, in the same round trip, while the home page does not pay for it
// (docs/ARCHITECTURE.md "Serving the client").
// A staff page's chunk arrives with the staff pages' words (i18n/translate.ts
// loadStaffWords), so it never renders a key; the public pages load neither.
const withStaffWords = <T,>(page: Promise<T>): Promise<T> => Promise.all([page, loadStaffWords(usePreferences.getState().lang)]).then(([m]) => m);

const VoterPage = lazy(() => import("./features/voter/VoterPage.tsx").then((m) => ({ default: m.VoterPage })));
const LoginPage = lazy(() => import("./features/auth/LoginPage.tsx").then((m) => ({ default: m.LoginPage })));
const AccountPasswordPage = lazy(() => withStaffWords(import("./features/auth/AccountPasswordPage.tsx")).then((m) => ({ default: m.AccountPasswordPage })));
const TrackPage = lazy(() => import("./features/track/TrackPage.tsx").then((m) => ({ default: m.TrackPage })));
const TrackLookupPage = lazy(() => import("./features/track/TrackLookupPage.tsx").then((m) => ({ default: m.TrackLookupPage })));
const HallConsolePage = lazy(() => withStaffWords(import("./features/hall/HallConsolePage.tsx")).then((m) => ({ default: m.HallConsolePage })));
const DeskPage = lazy(() => withStaffWords(import("./features/desk/DeskPage.tsx")).then((m) => ({ default: m.DeskPage })));
const HallScreenPage = lazy(() => import("./features/screen/HallScreenPage.tsx").then((m) => ({ default: m.HallScreenPage })));
const BookingStatusPage = lazy(() => import("./features/booking/BookingStatusPage.tsx").then((m) => ({ default: m.BookingStatusPage })));
const VenuePage = lazy(() => import("./features/messages/VenuePage.tsx").then((m) => ({ default: m.VenuePage })));
const PosterPage = lazy(() => import("./features/messages/PosterPage.tsx").then((m) => ({ default: m.PosterPage })));
const DeputyPage = lazy(() => import("./features/messages/DeputyPage.tsx").then((m) => ({ default: m.DeputyPage })));
const RsvpPage = lazy(() => import("./features/forum/RsvpPage.tsx").then((m) => ({ default: m.RsvpPage })));
const VoiceGuidePage = lazy(() => import("./features/help/VoiceGuidePage.tsx").then((m) => ({ default: m.VoiceGuidePage })));
const AdminApp = lazy(() => withStaffWords(import("./features/admin/AdminApp.tsx")).then((m) => ({ default: m.AdminApp })));

// A page whose chunk failed to arrive (or that threw) says so in words, inside the shell.
const page = (element: ReactNode) => (
  <PageErrorBoundary>
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </PageErrorBoundary>
);

// Declarative routes (<BrowserRouter>): the app uses no loaders, actions or
// fetchers, and the data router costs ~60 KB of the first download for them.
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppShell />}>
          <Route path="/" element={page(<HomePage />)} />
          <Route path="/login" element={page(<LoginPage />)} />
          <Route path="/account/password" element={page(<RequireLogin><AccountPasswordPage /></RequireLogin>)} />
          <Route path="/s/:sessionId" element={page(<VoterPage />)} />
          <Route path="/track" element={page(<TrackLookupPage />)} />
          <Route path="/track/:code" element={page(<TrackPage />)} />
          <Route path="/b/:code" element={page(<BookingStatusPage />)} />
          <Route path="/v/:venueId" element={page(<VenuePage />)} />
          <Route path="/d/:userId" element={page(<DeputyPage />)} />
          <Route path="/i/:token" element={page(<RsvpPage />)} />
          <Route path="/hall/:sessionId" element={page(<RequireLogin><HallConsolePage /></RequireLogin>)} />
          <Route path="/desk/:sessionId" element={page(<RequireLogin><DeskPage /></RequireLogin>)} />
          <Route path="/admin/*" element={page(<AdminApp />)} />
          <Route path="/help/voice" element={page(<VoiceGuidePage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        {/* The hall screen is a TV: no header, no chrome, public projection only. */}
        <Route path="/screen/:sessionId" element={page(<HallScreenPage />)} />
        {/* The poster is a sheet of paper: no header either. */}
        <Route path="/v/:venueId/poster" element={page(<PosterPage />)} />
      </Routes>
    </BrowserRouter>
  );
}
