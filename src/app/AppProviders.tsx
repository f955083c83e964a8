import { StrictMode, useEffect } from "react";
import type { ReactNode } from "react";
import { MotionRoot } from "../ui/index.ts";

export interface AppProvidersProps {
  readonly children: ReactNode;
}

/**
 * Marks the document once React has taken over the page (`<html data-app="ready">`): the
 * prerendered home page works as a plain document before that, as an app after.
 */
function AppReady() {
  useEffect(() => {
    document.documentElement.dataset["app"] = "ready";
  }, []);
  return null;
}

/** What wraps the router in the browser and in the build-time prerender alike. */
export function AppProviders({ children }: AppProvidersProps) {
  return (
    <StrictMode>
      <AppReady />
      <MotionRoot>{children}</MotionRoot>
    </StrictMode>
  );
}
