import type { ReactNode } from "react";

export interface PageIntroProps {
  readonly eyebrow?: string;
  readonly title: string;
  readonly children?: ReactNode;
}

/** A page's title block: the document title, an optional eyebrow, the h1 and a lead paragraph. */
export function PageIntro({ eyebrow, title, children }: PageIntroProps) {
  return (
    <header className="page-intro">
      <title>{`${title} · Isolation Lab`}</title>
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1>{title}</h1>
      {children && <p className="lead">{children}</p>}
    </header>
  );
}
