import type { ReactNode } from "react";
import { Link } from "react-router";
import { linkTarget } from "./mdast-helpers";

export interface MdastLinkProps {
  readonly url: string;
  readonly title?: string | null;
  readonly children: ReactNode;
}

/** A lesson link: app routes through the router, http(s)/mailto as plain links, others as text. */
export function MdastLink({ url, title, children }: MdastLinkProps) {
  const target = linkTarget(url);
  const titleAttr = title ?? undefined;
  switch (target.kind) {
    case "route":
      return <Link to={target.to} title={titleAttr}>{children}</Link>;
    case "anchor":
      return <a href={target.href} title={titleAttr}>{children}</a>;
    case "external":
      return <a href={target.href} title={titleAttr} rel="noreferrer noopener">{children}</a>;
    case "none":
      return <span>{children}</span>;
  }
}
