import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  // Render the first page in the same task as this module's evaluation, effects included:
  // nothing can paint before it anyway, and one task instead of three keeps the main thread
  // free once the page shows (Total Blocking Time).
  flushSync(() => root.render(<App />));
}
