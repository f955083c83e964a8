import type { ReactNode } from "react";

export interface ComingSoonProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** An honest notice about a part of the app that is still being built. */
export function ComingSoon({ title, children }: ComingSoonProps) {
  return (
    <section className="notice" aria-label={title}>
      <p className="notice__badge">In progress</p>
      <p className="notice__title">{title}</p>
      <div className="notice__body">{children}</div>
    </section>
  );
}
