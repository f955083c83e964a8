// The entry: a few hundred bytes that decide when the app itself (start.tsx) loads.
//
// `/` is prerendered (scripts/vite-prerender.ts) and works as a plain document: its links,
// skip link, theme and picture need no script. The app loads there on the visitor's first
// sign of intent, so a first visit to the home page costs no script work at all. Every other
// route starts from an empty root and loads the app at once.
const INTENT = ["pointerdown", "pointerover", "keydown", "focusin", "touchstart"] as const;

const container = document.getElementById("root");

function hydrateOnIntent(root: HTMLElement): void {
  const start = () => {
    for (const type of INTENT) document.removeEventListener(type, start, true);
    void import("./start").then((app) => app.hydrate(root));
  };
  for (const type of INTENT) document.addEventListener(type, start, { capture: true, passive: true });
}

if (container?.firstElementChild) hydrateOnIntent(container);
else if (container) void import("./start").then((app) => app.render(container));
