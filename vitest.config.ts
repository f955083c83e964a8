import { defineConfig } from "vitest/config";
import { isolabContent } from "./scripts/vite-content-plugin.ts";

export default defineConfig({
  // Tests that import virtual:isolab-content get the fixture course, so editing content/ never breaks them.
  plugins: [isolabContent({ dir: "src/test/fixtures/content" })],
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
