/**
 * Vite plugin serving `virtual:isolab-content`: the course index plus one lazily imported module
 * per lesson, scenario and quiz, compiled from content/ at build time. A content error fails
 * `vite build` with the same file/field lines as content:check, so a broken file never reaches
 * a page; in dev the error shows in the overlay and the content folder is watched.
 */
import { relative, resolve, sep } from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import {
  CONTENT_MODULE_ID,
  formatContentError,
  loadCourse,
  readContentDir,
  renderIndexModule,
  renderItemModule,
} from "../src/cli/index.ts";
import type { CompiledCourse } from "../src/cli/index.ts";

export interface ContentPluginOptions {
  /** The content folder, relative to Vite's root; `content` by default (tests use a fixture course). */
  readonly dir?: string;
}

const RESOLVED_PREFIX = `\0${CONTENT_MODULE_ID}`;
const isContentModule = (id: string) => id === CONTENT_MODULE_ID || id.startsWith(`${CONTENT_MODULE_ID}/`);

export function isolabContent(options: ContentPluginOptions = {}): Plugin {
  let dir = resolve(options.dir ?? "content");
  let isBuild = false;
  let cached: CompiledCourse | undefined;

  const load = (): CompiledCourse => {
    if (cached) return cached;
    const result = loadCourse(readContentDir(dir), relative(process.cwd(), dir) || ".");
    if (!result.ok) {
      throw new Error(`Content errors (run npm run content:check after fixing):\n${result.error.map(formatContentError).join("\n")}`);
    }
    cached = result.value;
    return cached;
  };

  const watch = (server: ViteDevServer) => {
    server.watcher.add(dir);
    const onChange = (file: string) => {
      if (file !== dir && !file.startsWith(dir + sep)) return;
      cached = undefined;
      for (const module of server.moduleGraph.idToModuleMap.values()) {
        if (module.id?.startsWith(RESOLVED_PREFIX)) server.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: "full-reload" });
    };
    server.watcher.on("add", onChange).on("change", onChange).on("unlink", onChange);
  };

  return {
    name: "isolab-content",
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? "content");
      isBuild = config.command === "build";
    },
    buildStart() {
      cached = undefined;
      if (!isBuild) return;
      // Fail the build before bundling starts, even if no page imports the content yet.
      this.addWatchFile(dir);
      try {
        load();
      } catch (error) {
        this.error((error as Error).message);
      }
    },
    resolveId(id) {
      return isContentModule(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return undefined;
      const moduleId = id.slice(1);
      if (moduleId === CONTENT_MODULE_ID) return renderIndexModule(load());
      const code = renderItemModule(load(), moduleId);
      if (code === undefined) this.error(`${moduleId}: no such lesson, scenario or quiz in ${dir}`);
      return code;
    },
    configureServer: watch,
  };
}
