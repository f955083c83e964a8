import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

async function lintAs(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layer rule", () => {
  it("reports a wrong-way import (kernel → runtime)", async () => {
    const messages = await lintAs(fixture("kernel-imports-runtime.fixture.txt"), "src/kernel/wrong-way.ts");
    expect(messages).toContain(
      'boundaries/dependencies: There is no policy allowing dependencies from elements of type "kernel" to elements of type "runtime"',
    );
  });

  it("reports a deep import that skips a layer's index.ts door", async () => {
    const messages = await lintAs(fixture("userland-deep-import.fixture.txt"), "src/userland/deep.ts");
    expect(messages.some((m) => m.startsWith("boundaries/dependencies:"))).toBe(true);
  });

  it("accepts an import through the door of a layer below", async () => {
    const code = 'import * as kernel from "../kernel/index.ts";\nexport const k = kernel;\n';
    expect(await lintAs(code, "src/userland/fine.ts")).toEqual([]);
  });

  it("forbids the wall clock and Math.random in the pure zone", async () => {
    const code = "export const t = Date.now() + Math.random();\n";
    const messages = await lintAs(code, "src/kernel/clock.ts");
    expect(messages).toEqual([
      "no-restricted-properties: 'Date.now' is restricted from being used. The pure zone reads time from the simulated clock (src/lib).",
      "no-restricted-properties: 'Math.random' is restricted from being used. The pure zone draws from the seeded RNG (src/lib).",
    ]);
  });
});
