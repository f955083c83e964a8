import type { ReactNode } from "react";
import { m } from "./motion";
import { REVEAL_EASE, REVEAL_SECONDS } from "./stack-picture-model";

export interface RevealGroupProps {
  readonly className: string;
  /** Seconds before the group slides in; null draws it in place at once (reduced motion). */
  readonly delay: number | null;
  /** Where it slides from, in pixels along y (negative: from above). */
  readonly fromY: number;
  readonly children: ReactNode;
}

/** A part of the home picture that fades and slides into place as one piece. */
export function RevealGroup({ className, delay, fromY, children }: RevealGroupProps) {
  if (delay === null) return <div className={className}>{children}</div>;
  return (
    <m.div
      className={className}
      initial={{ opacity: 0, y: fromY }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ delay, duration: REVEAL_SECONDS, ease: [...REVEAL_EASE] }}
    >
      {children}
    </m.div>
  );
}
