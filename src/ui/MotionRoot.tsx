import type { ReactNode } from "react";
import { LazyMotion, MotionConfig, domAnimation } from "./motion";

export interface MotionRootProps {
  readonly children: ReactNode;
}

/**
 * Root of every animation: `reducedMotion="user"` makes framer-motion follow the system's
 * `prefers-reduced-motion` (transforms are skipped); `strict` makes a stray `motion.*` an error.
 */
export function MotionRoot({ children }: MotionRootProps) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        {children}
      </LazyMotion>
    </MotionConfig>
  );
}
