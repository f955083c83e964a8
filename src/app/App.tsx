import { RouterProvider } from "react-router";
import { AppProviders } from "./AppProviders";
import { router } from "./router";

/** Wires the providers and the router; no logic lives here. */
export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
