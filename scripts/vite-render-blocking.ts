/**
 * Vite plugin: marks the built entry script `blocking="render"`.
 *
 * The app renders everything in JavaScript, so a frame painted before the entry script runs is
 * blank. With `blocking="render"` the browser paints nothing until the script has run (it
 * renders the first page synchronously, see src/app/main.tsx), so the first paint is the page
 * itself and no blank layout and paint sits between the HTML and the app. Browsers without
 * the attribute ignore it.
 */
import type { Plugin } from "vite";

const ENTRY_SCRIPT = /<script type="module"(?![^>]*\bblocking=)([^>]*\bsrc="[^"]+"[^>]*)><\/script>/g;

export function renderBlockingEntry(): Plugin {
  return {
    name: "isolab-render-blocking-entry",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (html) => html.replace(ENTRY_SCRIPT, '<script type="module" blocking="render"$1></script>'),
    },
  };
}
