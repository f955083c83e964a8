/**
 * overlayfs mount options (`fs/overlayfs/params.c`): `lowerdir=` (top first, `:`-separated),
 * `upperdir=` and `workdir=` (both or neither); without an upper layer the overlay is
 * read-only. The options are shown as given, then `uuid=on` (Linux 6.18 prints it).
 */
import type { Result } from "../../../lib";
import { err, ok } from "../../../lib";
import type { Errno } from "../../errno";
import type { Check } from "../../trace";
import { deny, pass } from "../../trace";
import { getMount } from "../mount-tree";
import { resolvePath } from "../namei";
import type { FsCtx } from "../node";
import { getSb } from "../sb-access";
import type { OverlayConfig, OverlayLayer, PathRef } from "../types";

export interface OverlayParams {
  readonly lowers: readonly string[];
  readonly upper: string | null;
  readonly work: string | null;
  readonly shown: readonly string[];
}

const KNOWN = ["lowerdir", "upperdir", "workdir", "redirect_dir", "index", "uuid", "nfs_export", "xino", "metacopy", "userxattr", "volatile", "default_permissions"];

export function parseOverlayOptions(data: string | null): Result<OverlayParams, Errno> {
  let lowers: string[] = [];
  let upper: string | null = null;
  let work: string | null = null;
  const shown: string[] = [];
  for (const o of (data ?? "").split(",").filter((x) => x !== "")) {
    const [key, value = ""] = o.split("=", 2) as [string, string?];
    if (!KNOWN.includes(key)) return err("EINVAL");
    if (key === "lowerdir") lowers = value.split(":").filter((p) => p !== "");
    if (key === "upperdir") upper = value;
    if (key === "workdir") work = value;
    shown.push(o);
  }
  if (lowers.length === 0 || (upper === null) !== (work === null)) return err("EINVAL");
  if (!shown.some((o) => o.startsWith("uuid="))) shown.push("uuid=on");
  return ok({ lowers, upper, work, shown });
}

type Layered = { readonly ok: true; readonly layer: OverlayLayer; readonly path: PathRef } | { readonly ok: false; readonly checks: readonly Check[]; readonly errno: Errno };

function layerAt(c: FsCtx, path: string, what: string): Layered {
  const r = resolvePath(c, c.task.cwd, path, { follow: true, directory: true });
  if (!r.ok) return { ok: false, checks: r.checks, errno: r.errno };
  const sb = getSb(c.state, getMount(c.state, r.path.mnt).sb);
  if (sb.backing.kind !== "store") {
    return { ok: false, checks: [deny("kernel", "ovl_mount_dir", `${what} ${path} is on ${sb.fstype}, which cannot be an overlay layer here`, "EINVAL")], errno: "EINVAL" };
  }
  return { ok: true, layer: { sb: sb.id, ino: r.path.node as number }, path: r.path };
}

/** Resolves every layer directory (ovl_get_lowerstack(), ovl_get_upper(), ovl_get_workdir()). */
export function overlayLayers(c: FsCtx, p: OverlayParams): Result<{ readonly config: OverlayConfig; readonly checks: readonly Check[] }, { readonly checks: readonly Check[]; readonly errno: Errno }> {
  const lowers: OverlayLayer[] = [];
  for (const path of p.lowers) {
    const l = layerAt(c, path, "lowerdir");
    if (!l.ok) return err({ checks: l.checks, errno: l.errno });
    lowers.push(l.layer);
  }
  if (p.upper === null || p.work === null) return ok({ config: { lowers, upper: null, work: null }, checks: [pass("kernel", "ovl_fill_super", "no upperdir: the overlay is read-only")] });
  const upper = layerAt(c, p.upper, "upperdir");
  if (!upper.ok) return err({ checks: upper.checks, errno: upper.errno });
  const work = layerAt(c, p.work, "workdir");
  if (!work.ok) return err({ checks: work.checks, errno: work.errno });
  if (upper.layer.sb !== work.layer.sb || upper.path.mnt !== work.path.mnt) {
    return err({ checks: [deny("kernel", "ovl_get_workdir", "workdir and upperdir must reside under the same mount", "EINVAL")], errno: "EINVAL" });
  }
  const note = pass("kernel", "ovl_fill_super", `${lowers.length} lower layer${lowers.length === 1 ? "" : "s"}, upper ${p.upper}`);
  return ok({ config: { lowers, upper: upper.layer, work: work.layer }, checks: [note] });
}
