// The one door to framer-motion (lint forbids importing it anywhere else).
// `LazyMotion` + `m` keep the entry small: `m` components carry no animation features of their
// own; LazyMotion loads the DOM animation subset (motion-features.ts) after the first paint.
export { LazyMotion, MotionConfig, m } from "framer-motion";
export type { Transition } from "framer-motion";
