import type { ReactNode } from "react";
import { LazyMotion, MotionConfig } from "./motion";

/** Resolves once the frame after the current one has been painted. */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * The animation features arrive in their own chunk, requested once the first frame is on screen:
 * the page's text never waits for them, and the picture starts moving when they land.
 */
const loadFeatures = () => afterNextPaint().then(() => import("./motion-features")).then((module) => module.default);

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
      <LazyMotion features={loadFeatures} strict>
        {children}
      </LazyMotion>
    </MotionConfig>
  );
}
