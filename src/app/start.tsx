// The app proper, loaded by main.tsx: React, the router and every page behind them.
import { startTransition } from "react";
import { flushSync } from "react-dom";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "./App";

/**
 * Attaches to the prerendered home page. As a transition, React works in slices of a few
 * milliseconds, so no long task holds the main thread while the visitor reads.
 */
export function hydrate(container: HTMLElement): void {
  startTransition(() => {
    hydrateRoot(container, <App />);
  });
}

/** Renders any other route into an empty root, the first page in one go. */
export function render(container: HTMLElement): void {
  const root = createRoot(container);
  flushSync(() => root.render(<App />));
}
