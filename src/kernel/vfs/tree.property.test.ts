import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { must } from "./fs-harness";
import { isDir } from "./mode";
import { getMount } from "./mount-tree";
import { resolvePath } from "./namei";
import { getSb } from "./sb-access";
import type { InodeStore } from "./types";
import type { SyscallCall } from "../syscalls/table";

const NAMES = ["a", "b", "d1", "d1/a", "d1/b", "d2", "d2/a", "d1/d3", "d1/d3/a"];
const name = fc.constantFrom(...NAMES).map((n) => `/mnt/${n}`);

const op: fc.Arbitrary<SyscallCall> = fc.oneof(
  name.map((path): SyscallCall => ({ name: "mkdir", path, mode: 0o755 })),
  name.map((path): SyscallCall => ({ name: "openat", path, flags: 0o101, mode: 0o644 })),
  name.map((path): SyscallCall => ({ name: "unlink", path })),
  name.map((path): SyscallCall => ({ name: "rmdir", path })),
  fc.tuple(name, name).map(([oldpath, newpath]): SyscallCall => ({ name: "rename", oldpath, newpath })),
  fc.tuple(name, name).map(([oldpath, newpath]): SyscallCall => ({ name: "link", oldpath, newpath })),
);

/** Every inode reachable, every entry pointing at an inode, link counts and parents right. */
function treeProblems(store: InodeStore): string[] {
  const out: string[] = [];
  const refs = new Map<number, number>();
  const seen = new Set<number>([store.rootIno]);
  const walk = (ino: number) => {
    const dir = store.inodes.get(ino);
    if (dir?.data.kind !== "dir") return;
    for (const [entry, child] of dir.data.entries) {
      const c = store.inodes.get(child);
      if (!c) { out.push(`dangling entry ${entry} in ${ino}`); continue; }
      refs.set(child, (refs.get(child) ?? 0) + 1);
      if (isDir(c.mode)) {
        if (c.parent !== ino) out.push(`directory ${child} has parent ${c.parent}, listed in ${ino}`);
        if (seen.has(child)) out.push(`directory ${child} linked twice`);
      }
      if (!seen.has(child)) { seen.add(child); walk(child); }
    }
  };
  walk(store.rootIno);
  for (const inode of store.inodes.values()) {
    if (!seen.has(inode.ino)) out.push(`inode ${inode.ino} unreachable`);
    if (inode.data.kind === "dir") {
      const subdirs = [...inode.data.entries.values()].filter((c) => { const x = store.inodes.get(c); return x !== undefined && isDir(x.mode); }).length;
      if (inode.nlink !== 2 + subdirs) out.push(`directory ${inode.ino} nlink ${inode.nlink}, expected ${2 + subdirs}`);
    } else if (inode.nlink !== (refs.get(inode.ino) ?? 0)) out.push(`inode ${inode.ino} nlink ${inode.nlink}, ${refs.get(inode.ino) ?? 0} names`);
  }
  return out;
}

describe("a tmpfs tree under random mkdir/create/unlink/rmdir/rename/link (property)", () => {
  it("stays consistent: no unreachable inode, no dangling entry, right link counts", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const k = new KernelHarness();
      must(k, k.shell, { name: "mount", source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null });
      for (const call of ops) {
        const out = k.call(k.shell, call);
        if (call.name === "openat" && out.result.ok) k.call(k.shell, { name: "close", fd: (out.result.value as { fd: number }).fd });
      }
      const c = { state: k.state, task: k.task(k.shell) };
      const r = resolvePath(c, c.task.cwd, "/mnt", { follow: true });
      if (!r.ok) throw new Error("no /mnt");
      const sb = getSb(k.state, getMount(k.state, r.path.mnt).sb);
      if (sb.backing.kind !== "store") throw new Error("not a tmpfs");
      expect(treeProblems(sb.backing.store)).toEqual([]);
      expect(k.state.vfs.files.size).toBe(0);
    }), { numRuns: 150 });
  });

  it("keeps an overlay's upper layer consistent and never touches the lower layer", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const k = new KernelHarness();
      for (const d of ["/srv/lower", "/srv/lower/d1", "/srv/lower/d1/d3", "/srv/upper", "/srv/work"]) must(k, k.shell, { name: "mkdir", path: d, mode: 0o755 });
      for (const f of ["/srv/lower/a", "/srv/lower/d1/b", "/srv/lower/d1/d3/a"]) {
        k.call(k.shell, { name: "close", fd: must<{ fd: number }>(k, k.shell, { name: "openat", path: f, flags: 0o101, mode: 0o644 }).fd });
      }
      must(k, k.shell, { name: "mount", source: "overlay", target: "/mnt", fstype: "overlay", flags: 0, data: "lowerdir=/srv/lower,upperdir=/srv/upper,workdir=/srv/work" });
      const rootSb = getMount(k.state, k.task(k.shell).root.mnt).sb;
      const lowerBefore = lowerSnapshot(k);
      for (const call of ops) {
        const out = k.call(k.shell, call);
        if (call.name === "openat" && out.result.ok) k.call(k.shell, { name: "close", fd: (out.result.value as { fd: number }).fd });
      }
      const sb = getSb(k.state, rootSb);
      if (sb.backing.kind !== "store") throw new Error("not ext4");
      expect(treeProblems(sb.backing.store)).toEqual([]);
      expect(lowerSnapshot(k)).toEqual(lowerBefore);
    }), { numRuns: 100 });
  });
});

function lowerSnapshot(k: KernelHarness): string[] {
  return ["/srv/lower/a", "/srv/lower/d1", "/srv/lower/d1/b", "/srv/lower/d1/d3/a"].map((p) => {
    const out = k.call(k.shell, { name: "stat", path: p });
    return out.result.ok ? `${p}:${(out.result.value as { ino: number; mode: number }).ino}:${(out.result.value as { mode: number }).mode}` : `${p}:gone`;
  });
}
