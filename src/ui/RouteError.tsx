import { isRouteErrorResponse, Link, useRouteError } from "react-router";

export interface RouteErrorProps {
  /** True when the site layout itself failed: render a whole page, main landmark included. */
  readonly standalone?: boolean;
}

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) return error.message;
  return "Unknown error";
}

/** The router's error element: a friendly message, what failed, and a way home. */
export function RouteError({ standalone = false }: RouteErrorProps) {
  const error = useRouteError();
  const body = (
    <div className="route-error">
      <title>Something went wrong · Isolation Lab</title>
      <p className="eyebrow">Error</p>
      <h1>Something went wrong</h1>
      <p className="lead">
        This page could not be shown. Reloading often helps if the app was just updated.
      </p>
      <p className="route-error__detail">
        Details: <code>{describe(error)}</code>
      </p>
      <p className="route-error__actions">
        <Link className="button" to="/" reloadDocument>
          Go to the home page
        </Link>
      </p>
    </div>
  );
  return standalone ? (
    <main id="main" className="site-main site-main--standalone">
      {body}
    </main>
  ) : (
    body
  );
}
