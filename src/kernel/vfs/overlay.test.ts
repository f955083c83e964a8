import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { attempt, ls, mountinfoOf, must, normalizeIds, readFile, writeFile } from "./fs-harness";
import { getMount } from "./mount-tree";
import { resolvePath } from "./namei";
import { backingOf } from "./node";

/** [20_overlayfs]: two lower layers, an upper layer and a work directory under /tmp/ovl. */
function setup(): KernelHarness {
  const k = new KernelHarness();
  const sh = k.shell;
  for (const d of ["/tmp/ovl", "/tmp/ovl/lower1", "/tmp/ovl/lower2", "/tmp/ovl/upper", "/tmp/ovl/work", "/tmp/ovl/merged", "/tmp/ovl/lower1/etc"]) {
    must(k, sh, { name: "mkdir", path: d, mode: 0o755 });
  }
  writeFile(k, sh, "/tmp/ovl/lower1/a.txt", "from base layer\n");
  writeFile(k, sh, "/tmp/ovl/lower1/etc/app.conf", "v1\n");
  writeFile(k, sh, "/tmp/ovl/lower2/b.txt", "from layer 2\n");
  writeFile(k, sh, "/tmp/ovl/lower2/secret.key", "secret\n");
  must(k, sh, {
    name: "mount", source: "overlay", target: "/tmp/ovl/merged", fstype: "overlay", flags: 0,
    data: "lowerdir=/tmp/ovl/lower2:/tmp/ovl/lower1,upperdir=/tmp/ovl/upper,workdir=/tmp/ovl/work",
  });
  return k;
}

const sizeOf = (k: KernelHarness, path: string) => must<{ size: number }>(k, k.shell, { name: "stat", path }).size;

describe("overlayfs ([20_overlayfs], reference §8.1)", () => {
  it("merges the layers and shows its options in mountinfo", () => {
    const k = setup();
    expect(ls(k, k.shell, "/tmp/ovl/merged")).toEqual(["a.txt", "b.txt", "etc", "secret.key"]);
    expect(["a.txt", "b.txt", "etc", "secret.key"].map((n) => sizeOf(k, `/tmp/ovl/merged/${n}`))).toEqual([16, 13, 4096, 7]);
    expect(ls(k, k.shell, "/tmp/ovl/upper")).toEqual([]);
    const line = mountinfoOf(k, k.shell).split("\n").find((l) => l.includes("/tmp/ovl/merged"));
    expect(normalizeIds(line ?? "")).toBe(
      "ID PARENT 0:48 / /tmp/ovl/merged rw,relatime shared:22 - overlay overlay rw,lowerdir=/tmp/ovl/lower2:/tmp/ovl/lower1,upperdir=/tmp/ovl/upper,workdir=/tmp/ovl/work,uuid=on",
    );
  });

  it("copies a file up on its first write and leaves the lower layer alone", () => {
    const k = setup();
    expect(writeFile(k, k.shell, "/tmp/ovl/merged/etc/app.conf", "v2\n")).toBe("ok");
    expect(readFile(k, k.shell, "/tmp/ovl/lower1/etc/app.conf")).toBe("v1\n");
    expect(readFile(k, k.shell, "/tmp/ovl/upper/etc/app.conf")).toBe("v2\n");
    expect(readFile(k, k.shell, "/tmp/ovl/merged/etc/app.conf")).toBe("v2\n");
    expect(ls(k, k.shell, "/tmp/ovl/upper")).toEqual(["etc"]);
    expect(must<{ mode: number }>(k, k.shell, { name: "stat", path: "/tmp/ovl/upper/etc" }).mode).toBe(0o40755);
  });

  it("copies up on chmod and chown too", () => {
    const k = setup();
    must(k, k.shell, { name: "chmod", path: "/tmp/ovl/merged/a.txt", mode: 0o600 });
    expect(must<{ mode: number }>(k, k.shell, { name: "stat", path: "/tmp/ovl/upper/a.txt" }).mode).toBe(0o100600);
    expect(must<{ mode: number }>(k, k.shell, { name: "stat", path: "/tmp/ovl/lower1/a.txt" }).mode).toBe(0o100644);
    expect(readFile(k, k.shell, "/tmp/ovl/upper/a.txt")).toBe("from base layer\n");
  });

  it("hides a deleted lower file behind a 0:0 character device whiteout", () => {
    const k = setup();
    must(k, k.shell, { name: "unlink", path: "/tmp/ovl/merged/secret.key" });
    const wh = must<{ mode: number; rdev: { major: number; minor: number } }>(k, k.shell, { name: "stat", path: "/tmp/ovl/upper/secret.key" });
    expect([wh.mode.toString(8), wh.rdev]).toEqual(["20000", { major: 0, minor: 0 }]);
    expect(readFile(k, k.shell, "/tmp/ovl/lower2/secret.key")).toBe("secret\n");
    expect(ls(k, k.shell, "/tmp/ovl/merged")).toEqual(["a.txt", "b.txt", "etc"]);
    expect(attempt(k, k.shell, { name: "stat", path: "/tmp/ovl/merged/secret.key" }).errno).toBe("ENOENT");
    expect(writeFile(k, k.shell, "/tmp/ovl/merged/secret.key", "new\n")).toBe("ok");
    expect(readFile(k, k.shell, "/tmp/ovl/merged/secret.key")).toBe("new\n");
  });

  it("makes a directory recreated over a whiteout opaque", () => {
    const k = setup();
    must(k, k.shell, { name: "unlink", path: "/tmp/ovl/merged/etc/app.conf" });
    must(k, k.shell, { name: "rmdir", path: "/tmp/ovl/merged/etc" });
    must(k, k.shell, { name: "mkdir", path: "/tmp/ovl/merged/etc", mode: 0o755 });
    expect(ls(k, k.shell, "/tmp/ovl/merged/etc")).toEqual([]);
    const c = { state: k.state, task: k.task(k.shell) };
    const r = resolvePath(c, c.task.cwd, "/tmp/ovl/upper/etc", { follow: true });
    const b = r.ok ? backingOf(c, getMount(k.state, r.path.mnt).sb, r.path.node) : undefined;
    expect(b?.kind === "inode" ? b.inode.xattrs : undefined).toEqual({ "trusted.overlay.opaque": "y" });
  });

  it("refuses to rename a lower directory (EXDEV) but renames files", () => {
    const k = setup();
    const out = attempt(k, k.shell, { name: "rename", oldpath: "/tmp/ovl/merged/etc", newpath: "/tmp/ovl/merged/etc2" });
    expect(out.errno).toBe("EXDEV");
    must(k, k.shell, { name: "rename", oldpath: "/tmp/ovl/merged/a.txt", newpath: "/tmp/ovl/merged/c.txt" });
    expect(ls(k, k.shell, "/tmp/ovl/merged")).toEqual(["b.txt", "c.txt", "etc", "secret.key"]);
    expect(ls(k, k.shell, "/tmp/ovl/upper")).toEqual(["a.txt", "c.txt"]);
  });

  it("keeps the lower entries hidden when an upper directory replaces a merged one", () => {
    const k = setup();
    must(k, k.shell, { name: "unlink", path: "/tmp/ovl/merged/etc/app.conf" });
    must(k, k.shell, { name: "mkdir", path: "/tmp/ovl/merged/new", mode: 0o755 });
    must(k, k.shell, { name: "rename", oldpath: "/tmp/ovl/merged/new", newpath: "/tmp/ovl/merged/etc" });
    expect(ls(k, k.shell, "/tmp/ovl/merged/etc")).toEqual([]);
    expect(ls(k, k.shell, "/tmp/ovl/upper")).toEqual(["etc"]);
    expect(readFile(k, k.shell, "/tmp/ovl/lower1/etc/app.conf")).toBe("v1\n");
  });

  it("is read-only without an upper layer", () => {
    const k = setup();
    must(k, k.shell, { name: "mkdir", path: "/tmp/ro", mode: 0o755 });
    must(k, k.shell, { name: "mount", source: "overlay", target: "/tmp/ro", fstype: "overlay", flags: 0, data: "lowerdir=/tmp/ovl/lower2:/tmp/ovl/lower1" });
    expect(readFile(k, k.shell, "/tmp/ro/b.txt")).toBe("from layer 2\n");
    expect(writeFile(k, k.shell, "/tmp/ro/new", "x")).toBe("EROFS");
    expect(attempt(k, k.shell, { name: "mount", source: "overlay", target: "/tmp/ro", fstype: "overlay", flags: 0, data: "upperdir=/tmp/ovl/upper" }).errno).toBe("EINVAL");
  });
});
