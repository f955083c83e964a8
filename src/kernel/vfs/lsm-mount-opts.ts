/**
 * SELinux's mount options (security/selinux/hooks.c: selinux_sb_eat_lsm_opts(),
 * selinux_sb_show_options()): `context=`, `fscontext=`, `defcontext=` and `rootcontext=` are
 * taken out of mount(2)'s data before the filesystem parses the rest, and show first among
 * the super options, quoted when the context holds a comma. Docker and Podman mount a
 * container's rootfs and /dev with `context="system_u:object_r:container_file_t:s0:c1,c2"`, so
 * every file there carries the container's label. On a host without SELinux nothing eats them
 * and the filesystem rejects them (EINVAL).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import { formatContext, parseContext } from "../security/selinux/context";

const LSM_KEYS = ["context", "fscontext", "defcontext", "rootcontext"] as const;

export interface LsmMountOpts {
  /** What is left for the filesystem, or null when nothing is. */
  readonly data: string | null;
  /** The options as show_options() prints them: `context="…"`. */
  readonly shown: readonly string[];
}

/** Splits at commas outside double quotes: `context="a:b:c:s0:c1,c2",size=1m`. */
function splitQuoted(data: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of data) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.filter((o) => o !== "");
}

/** selinux_sb_eat_lsm_opts(): the LSM options, parsed, and the rest of the data. */
export function eatLsmMountOpts(data: string | null): Result<LsmMountOpts, Errno> {
  if (data === null) return ok({ data, shown: [] });
  const rest: string[] = [];
  const shown: string[] = [];
  for (const opt of splitQuoted(data)) {
    const eq = opt.indexOf("=");
    const key = eq < 0 ? opt : opt.slice(0, eq);
    if (!(LSM_KEYS as readonly string[]).includes(key)) {
      rest.push(opt);
      continue;
    }
    const ctx = parseContext(opt.slice(eq + 1).replace(/^"(.*)"$/, "$1"));
    if (eq < 0 || !ctx) return err("EINVAL");
    const text = formatContext(ctx);
    shown.push(`${key}=${text.includes(",") ? `"${text}"` : text}`);
  }
  return ok({ data: rest.length ? rest.join(",") : null, shown });
}
