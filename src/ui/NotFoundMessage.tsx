import { Link } from "react-router";

export interface NotFoundMessageProps {
  readonly title: string;
  readonly message: string;
  readonly linkTo: string;
  readonly linkLabel: string;
}

/** "Nothing here": a heading, one sentence and the way back. */
export function NotFoundMessage({ title, message, linkTo, linkLabel }: NotFoundMessageProps) {
  return (
    <div className="not-found">
      <title>{`${title} · Isolation Lab`}</title>
      <p className="eyebrow">Not found</p>
      <h1>{title}</h1>
      <p className="lead">{message}</p>
      <p>
        <Link className="button" to={linkTo}>
          {linkLabel}
        </Link>
      </p>
    </div>
  );
}
