/**
 * Vite plugin: prerenders the home page into the built `index.html`.
 *
 * `/` is what most visitors see first, so its markup ships in the document: the browser paints
 * the headline and the picture's first frame from HTML and CSS alone, and the entry script
 * hydrates that markup when it arrives (src/app/main.tsx). The page is rendered by
 * src/app/prerender.tsx, loaded through a Vite server in SSR mode with the project's own config,
 * so the content plugin and every transform apply as in the browser build.
 *
 * Every route falls back to `index.html` on a static host, so the document carries one line of
 * script after the root: on any path but `/` it empties the root before the first paint, and
 * the app renders that route from scratch instead of flashing the home page.
 */
import { createServer } from "vite";
import type { Plugin, ResolvedConfig } from "vite";

const ROOT = '<div id="root"></div>';
const TITLE = /<title>[^<]*<\/title>/;
const DROP_ON_OTHER_ROUTES =
  '<script>if (location.pathname !== "/") document.getElementById("root").replaceChildren();</script>';

interface PrerenderModule {
  renderHome(origin: string): Promise<string>;
}

async function renderHome(config: ResolvedConfig): Promise<string> {
  const server = await createServer({
    configFile: config.configFile ?? false,
    root: config.root,
    mode: config.mode,
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const module = (await server.ssrLoadModule("/src/app/prerender.tsx")) as PrerenderModule;
    return await module.renderHome("http://localhost");
  } finally {
    await server.close();
  }
}

/** Moves the page's `<title>` (React renders it into the body stream) into the head. */
export function injectHome(html: string, page: string): string {
  if (!html.includes(ROOT)) throw new Error(`prerender: index.html has no ${ROOT}`);
  const title = TITLE.exec(page)?.[0];
  const body = title ? page.replace(title, "") : page;
  const head = title ? html.replace(TITLE, title) : html;
  return head.replace(ROOT, `<div id="root">${body}</div>${DROP_ON_OTHER_ROUTES}`);
}

export function prerenderHome(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "isolab-prerender-home",
    apply: (_, env) => env.command === "build" && !env.isSsrBuild,
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: "post",
      handler: async (html) => injectHome(html, await renderHome(config)),
    },
  };
}
