// `npm run content:schemas`: writes content/schema/*.json from the zod content schemas, for
// editor completion. content:check fails when the committed files differ from this output.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderJsonSchemas } from "../src/cli/index.ts";

const dir = fileURLToPath(new URL("../content/schema/", import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, text] of renderJsonSchemas()) {
  writeFileSync(join(dir, name), text);
  process.stdout.write(`wrote content/schema/${name}\n`);
}
