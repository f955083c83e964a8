import { StrictMode } from "react";
import { RouterProvider } from "react-router";
import { MotionRoot } from "../ui/index.ts";
import { router } from "./router";

/** Wires the providers and the router; no logic lives here. */
export function App() {
  return (
    <StrictMode>
      <MotionRoot>
        <RouterProvider router={router} />
      </MotionRoot>
    </StrictMode>
  );
}
