import type { CSSProperties, ReactNode } from "react";

export interface RevealGroupProps {
  readonly className: string;
  /** Seconds before the group slides in. */
  readonly delay: number;
  /** Where it slides from, in pixels along y (negative: from above). */
  readonly fromY: number;
  readonly children: ReactNode;
}

/**
 * A part of the home picture that fades and slides into place as one piece. The animation is
 * CSS (`.reveal` in styles/home.css), so the prerendered page moves before any script runs, and
 * `prefers-reduced-motion: reduce` draws it in place.
 */
export function RevealGroup({ className, delay, fromY, children }: RevealGroupProps) {
  const style = { "--reveal-delay": `${delay}s`, "--reveal-from": `${fromY}px` } as CSSProperties;
  return (
    <div className={`${className} reveal`} style={style}>
      {children}
    </div>
  );
}
