import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { AppShell } from "./components/AppShell.tsx";
import { NotFoundPage } from "./components/NotFoundPage.tsx";
import { RequireLogin } from "./components/RequireLogin.tsx";
import { adminRoute } from "./features/admin/route.tsx";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { DeskPage } from "./features/desk/DeskPage.tsx";
import { HallConsolePage } from "./features/hall/HallConsolePage.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { HallScreenPage } from "./features/screen/HallScreenPage.tsx";
import { TrackPage } from "./features/track/TrackPage.tsx";
import { VoterPage } from "./features/voter/VoterPage.tsx";
import { BookingStatusPage } from "./features/booking/BookingStatusPage.tsx";

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/login", element: <LoginPage /> },
      { path: "/s/:sessionId", element: <VoterPage /> },
      { path: "/track/:code", element: <TrackPage /> },
      { path: "/b/:code", element: <BookingStatusPage /> },
      {
        path: "/hall/:sessionId",
        element: (
          <RequireLogin>
            <HallConsolePage />
          </RequireLogin>
        ),
      },
      {
        path: "/desk/:sessionId",
        element: (
          <RequireLogin>
            <DeskPage />
          </RequireLogin>
        ),
      },
      adminRoute,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  // The hall screen is a TV: no header, no chrome, public projection only.
  { path: "/screen/:sessionId", element: <HallScreenPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
