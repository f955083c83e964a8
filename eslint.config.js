// Lint config: TypeScript rules, the layer rule of DESIGN.md, and the pure-zone rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import boundaries from "eslint-plugin-boundaries";
import { LAYERS, PURE_LAYERS } from "./scripts/layers.js";

const elements = LAYERS.map(({ name }) => ({ type: name, pattern: `src/${name}`, }));

// A layer may import itself freely, and other layers only through their index.ts door.
const policies = LAYERS.map(({ name, mayImport }) => ({
  from: { element: { type: name } },
  allow: [
    { dependency: { relationship: { to: "internal" } } },
    ...(mayImport.length
      ? [{ to: { element: { types: mayImport, fileInternalPath: "index.ts" } } }]
      : []),
  ],
}));

const pureGlobs = PURE_LAYERS.map((name) => `src/${name}/**/*.{ts,tsx}`);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-results/**", "playwright-report/**", "content/schema/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript run by Node (scripts/*.mjs): TypeScript files get these from @types/node.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } },
    },
    rules: {
      "boundaries/dependencies": [2, { default: "disallow", policies }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-warning-comments": ["error", { terms: ["todo(?!\\(#\\d+\\))", "fixme", "xxx"], location: "anywhere" }],
    },
  },
  {
    files: pureGlobs,
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The pure zone reads time from the simulated clock (src/lib)." },
        { object: "Math", property: "random", message: "The pure zone draws from the seeded RNG (src/lib)." },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "The pure zone never sees the DOM." },
        { name: "document", message: "The pure zone never sees the DOM." },
        { name: "localStorage", message: "Persistence goes through a port passed in by the ui layer." },
        { name: "process", message: "The pure zone runs in the browser and Node alike." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use the simulated clock." },
      ],
    },
  },
  {
    // Programs and builtins are generators by contract (decision 0007): one that only changes
    // the shell's memory, or returns at once, has nothing to yield.
    files: ["src/userland/**/*.ts"],
    rules: { "require-yield": "off" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/ui/motion.ts", "src/ui/motion-features.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "framer-motion", message: "Import motion through src/ui/motion.ts." }] },
      ],
    },
  },
);
