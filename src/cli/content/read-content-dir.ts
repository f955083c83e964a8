/**
 * Reads a content folder from disk into the path → text map that loadCourse takes. The only
 * file-system code of the content pipeline; everything after it is pure.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const TEXT_FILE = /\.(?:md|ya?ml|json)$/;

/** Every file under `dir` (dot-files skipped), keyed by its `/`-separated path relative to `dir`. */
export function readContentDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      // Other files (images) only need to exist: a folder with an image is still a folder.
      else files.set(relative(dir, path).split(sep).join("/"), TEXT_FILE.test(entry.name) ? readFileSync(path, "utf8") : "");
    }
  };
  walk(dir);
  return files;
}
