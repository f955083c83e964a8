// `npm run content:check [-- DIR]`: validates every content file, the references between them and
// the published JSON Schemas; prints one error per line and exits 1, or prints a summary.
// With DIR (another course, such as the test fixture) the schema drift check is skipped.
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkContent, readContentDir } from "../src/cli/index.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const dir = resolve(projectRoot, process.argv[2] ?? "content");
const result = checkContent(readContentDir(dir), relative(projectRoot, dir) || ".", { schemas: process.argv[2] === undefined });
(result.ok ? process.stdout : process.stderr).write(`${result.lines.join("\n")}\n`);
process.exitCode = result.ok ? 0 : 1;
