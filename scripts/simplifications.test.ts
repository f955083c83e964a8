import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderReadme } from "./simplifications";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("src/kernel/README.md", () => {
  it("lists every SIMPLIFICATION: in the kernel's code (run `npm run simplifications` to refresh)", () => {
    expect(readFileSync(`${root}/src/kernel/README.md`, "utf8")).toBe(renderReadme(root));
  });
});
