// Build-time only (scripts/vite-prerender.ts loads it through Vite's SSR loader): renders the
// home page to HTML so `/` paints from the document before any script has run.
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { AppProviders } from "./AppProviders";
import { routes } from "./routes";

/** The markup of `/`, as the browser's first render will produce it when it hydrates. */
export async function renderHome(origin: string): Promise<string> {
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL("/", origin)));
  if (context instanceof Response) throw new Error(`prerender: / answered with HTTP ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <AppProviders>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProviders>,
  );
}
