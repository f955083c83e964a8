import { NotFoundMessage } from "./NotFoundMessage";

/** Any address no route matches. */
export function NotFoundPage() {
  return (
    <NotFoundMessage
      title="Page not found"
      message="There is nothing at this address. It may have moved, or the link may have a typo."
      linkTo="/"
      linkLabel="Go to the home page"
    />
  );
}
