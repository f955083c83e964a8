// The layer order of DESIGN.md: a layer imports only the layers listed in its mayImport.
// Read by eslint.config.js (the boundaries rule) and by the lint fixture test.
const below = (...names) => names;
const CORE = below("userland", "runtime", "hypervisor", "kernel", "lib");

export const LAYERS = [
  { name: "lib", mayImport: [] },
  { name: "kernel", mayImport: below("lib") },
  { name: "runtime", mayImport: below("kernel", "lib") },
  { name: "hypervisor", mayImport: below("kernel", "lib") },
  { name: "userland", mayImport: below("runtime", "hypervisor", "kernel", "lib") },
  { name: "guide", mayImport: CORE },
  { name: "quiz", mayImport: CORE },
  { name: "embed", mayImport: ["guide", "quiz", ...CORE] },
  { name: "ui", mayImport: ["embed", "guide", "quiz", ...CORE] },
  { name: "app", mayImport: ["ui", "embed", "guide", "quiz", ...CORE] },
  { name: "cli", mayImport: ["embed", "guide", "quiz", ...CORE] },
  { name: "test", mayImport: ["embed", "guide", "quiz", ...CORE] },
];

/** Layers left of ui/: no DOM, no React, no wall clock, no Math.random. */
export const PURE_LAYERS = ["lib", "kernel", "runtime", "hypervisor", "userland", "guide", "quiz", "embed", "test"];
