// The one door to framer-motion (lint forbids importing it anywhere else).
// `LazyMotion` + `m` + `domAnimation` keep the bundle small: `m` components carry no animation
// features of their own, LazyMotion supplies the DOM animation subset once at the root.
export { LazyMotion, MotionConfig, domAnimation, m, useReducedMotion } from "framer-motion";
export type { Transition } from "framer-motion";
