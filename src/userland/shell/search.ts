/**
 * Finding a command (XCU 2.9.1.1): a name with a slash is a path; otherwise each directory of
 * PATH in turn, the first regular file found wins. Not found: bash's "command not found",
 * busybox ash's "not found", both with status 127.
 */
import { S_IFDIR, S_IFMT, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { stat } from "../process/sys";
import type { Shell } from "./interp";
import { where } from "./interp";
import { getVar } from "./state";

export type Found = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string; readonly status: number };


export function* findCommand(sh: Shell, name: string): Sys<Found> {
  if (name.includes("/")) {
    const st = yield* stat(name);
    if (!st.ok) return { ok: false, message: `${where(sh)}${name}: ${strerror(st.error)}`, status: st.error === "ENOENT" ? 127 : 126 };
    if ((st.value.mode & S_IFMT) === S_IFDIR) return { ok: false, message: `${where(sh)}${name}: Is a directory`, status: 126 };
    return { ok: true, path: name };
  }
  const path = getVar(sh.state, "PATH") ?? "/usr/local/bin:/usr/bin:/bin";
  for (const dir of path.split(":")) {
    const candidate = `${dir === "" ? "." : dir}/${name}`;
    const st = yield* stat(candidate);
    if (st.ok && (st.value.mode & S_IFMT) !== S_IFDIR) return { ok: true, path: candidate };
  }
  return {
    ok: false,
    message: sh.state.flavour === "bash" ? `${where(sh)}${name}: command not found` : `${sh.state.name}: ${name}: not found`,
    status: 127,
  };
}
