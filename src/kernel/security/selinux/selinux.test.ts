import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRng } from "../../../lib";
import type { AuditContext } from "../audit";
import { selinuxFileCheck } from "./check";
import type { McsLevel } from "./context";
import {
  HOST_SHELL_CONTEXT, SPC_CONTEXT, allocateMcsPair, containerFileContext, containerProcessContext, dominates, formatContext,
  parseContext, selinuxAttrCurrent,
} from "./context";
import { hostFileContext, selinuxPermsFromMask } from "./policy";

const ctx = (comm: string): AuditContext => ({ pid: 4546, comm, stamp: { timeMs: 1503978775261, serial: 360 } });
const lvl = (...categories: number[]): McsLevel => ({ sensitivity: 0, categories });
const ctr = containerProcessContext(lvl(159, 177));

describe("security contexts", () => {
  it("parses and prints contexts with MCS levels and ranges", () => {
    for (const text of [
      "system_u:system_r:container_t:s0:c159,c177",
      "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023",
      "system_u:object_r:etc_t:s0",
      "system_u:system_r:svirt_t:s0:c1,c5.c9",
    ]) expect(formatContext(parseContext(text) as NonNullable<ReturnType<typeof parseContext>>)).toBe(text);
    expect(formatContext(HOST_SHELL_CONTEXT)).toBe("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    expect(formatContext(SPC_CONTEXT)).toBe("system_u:system_r:spc_t:s0");
    expect(parseContext("container_t")).toBeUndefined();
    expect(parseContext("a:b:c:s0:c2000")).toBeUndefined();
  });

  it("decides MCS dominance by sensitivity and category subsets", () => {
    expect(dominates(lvl(1, 2), lvl(1, 2))).toBe(true);
    expect(dominates(lvl(1, 2), lvl())).toBe(true);
    expect(dominates(lvl(1, 2), lvl(1, 3))).toBe(false);
    expect(dominates(lvl(), lvl(1))).toBe(false);
  });

  it("allocates a distinct, sorted category pair deterministically from the seed", () => {
    const [a, rng] = allocateMcsPair(seededRng(7));
    const [again] = allocateMcsPair(seededRng(7));
    expect(again).toEqual(a);
    expect(a.categories).toHaveLength(2);
    const [b] = allocateMcsPair(seededRng(7), [a]);
    expect(b).not.toEqual(a);
    expect(allocateMcsPair(rng)[0]).not.toEqual(a);
    fc.assert(fc.property(fc.integer(), (seed) => {
      const [{ categories: [x, y] }] = allocateMcsPair(seededRng(seed));
      expect((x as number) < (y as number) && (y as number) < 1024).toBe(true);
    }));
  });

  it("labels a container's process and files with the same pair, and shows it in attr/current", () => {
    expect(formatContext(ctr)).toBe("system_u:system_r:container_t:s0:c159,c177");
    expect(formatContext(containerFileContext(lvl(159, 177)))).toBe("system_u:object_r:container_file_t:s0:c159,c177");
    expect(selinuxAttrCurrent(ctr)).toBe("system_u:system_r:container_t:s0:c159,c177\0");
  });

  it("labels host files like Fedora's file_contexts", () => {
    expect(formatContext(hostFileContext("/etc/shadow"))).toBe("system_u:object_r:shadow_t:s0");
    expect(formatContext(hostFileContext("/etc/passwd"))).toBe("system_u:object_r:passwd_file_t:s0");
    expect(formatContext(hostFileContext("/etc/fstab"))).toBe("system_u:object_r:etc_t:s0");
    expect(formatContext(hostFileContext("/home/alice/notes.txt"))).toBe("unconfined_u:object_r:user_home_t:s0");
    expect(formatContext(hostFileContext("/var/lib/docker/overlay2"))).toBe("system_u:object_r:container_var_lib_t:s0");
    expect(formatContext(hostFileContext("/usr/bin/runc"))).toBe("system_u:object_r:container_runtime_exec_t:s0");
    expect(formatContext(hostFileContext("/"))).toBe("system_u:object_r:root_t:s0");
  });
});

describe("selinuxFileCheck", () => {
  it("lets container_t read and write its own files", () => {
    const own = { label: containerFileContext(lvl(159, 177)), tclass: "file" as const, name: "hosts" };
    expect(selinuxFileCheck(ctr, own, ["read", "write", "open"], ctx("sh"))).toEqual({
      check: {
        layer: "lsm", verdict: "pass", rule: "selinux: manage_files_pattern(container_t, container_file_t, container_file_t)",
        reason: 'SELinux lets container_t read and write and open on container_file_t file "hosts" (manage_files_pattern(container_t, container_file_t, container_file_t))',
      },
    });
    const shared = { label: containerFileContext(lvl()), tclass: "file" as const };
    expect(selinuxFileCheck(ctr, shared, ["read"], ctx("cat")).check.verdict).toBe("pass");
  });

  it("keeps two containers apart by their categories (MCS)", () => {
    const other = { label: containerFileContext(lvl(17, 466)), tclass: "file" as const, name: "data", dev: "sda1", ino: 1234 };
    expect(selinuxFileCheck(ctr, other, ["read"], ctx("cat"))).toEqual({
      check: {
        layer: "lsm", verdict: "deny", errno: "EACCES", rule: "selinux: mlsconstrain (h1 dom h2)",
        reason: "SELinux MCS constraint: the process (s0:c159,c177) does not dominate the file (s0:c17,c466), so container_t may not read it",
      },
      audit: 'audit: type=1400 audit(1503978775.261:360): avc:  denied  { read } for  pid=4546 comm="cat" name="data" dev="sda1" ino=1234 ' +
        "scontext=system_u:system_r:container_t:s0:c159,c177 tcontext=system_u:object_r:container_file_t:s0:c17,c466 tclass=file permissive=0",
    });
  });

  it("refuses writes to host types through a bind mount, with the AVC of reference §5.2", () => {
    const home = { label: hostFileContext("/home/u/xxx"), tclass: "dir" as const, name: "xxx", dev: "sdb5", ino: 6947856 };
    expect(selinuxFileCheck(ctr, home, ["write"], ctx("touch"))).toEqual({
      check: {
        layer: "lsm", verdict: "deny", errno: "EACCES", rule: "selinux: allow container_t user_home_t:dir { write }",
        reason: "SELinux policy has no rule letting container_t write user_home_t dirs",
      },
      audit: 'audit: type=1400 audit(1503978775.261:360): avc:  denied  { write } for  pid=4546 comm="touch" name="xxx" dev="sdb5" ino=6947856 ' +
        "scontext=system_u:system_r:container_t:s0:c159,c177 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=dir permissive=0",
    });
    for (const path of ["/etc/fstab", "/etc/shadow", "/var/lib/docker/x", "/usr/bin/runc"]) {
      expect(selinuxFileCheck(ctr, { label: hostFileContext(path), tclass: "file" }, ["write"], ctx("sh")).check.verdict).toBe("deny");
    }
  });

  it("prints the denied permissions in the kernel's order", () => {
    const etc = { label: hostFileContext("/etc/fstab"), tclass: "file" as const, name: "fstab" };
    expect(selinuxFileCheck(ctr, etc, ["open", "write", "read"], ctx("sh")).audit).toContain("avc:  denied  { read write open } for  pid=4546");
  });

  it("maps VFS access masks like file_mask_to_av()", () => {
    expect(selinuxPermsFromMask(4 | 2, false)).toEqual(["read", "write"]);
    expect(selinuxPermsFromMask(2 | 8, false)).toEqual(["append"]);
    expect(selinuxPermsFromMask(1 | 2, true)).toEqual(["search", "write"]);
  });

  it("lets spc_t and unconfined_t do anything", () => {
    const shadow = { label: hostFileContext("/etc/shadow"), tclass: "file" as const };
    expect(selinuxFileCheck(SPC_CONTEXT, shadow, ["write"], ctx("sh")).check.rule).toBe("selinux: unconfined_domain(spc_t)");
    expect(selinuxFileCheck(HOST_SHELL_CONTEXT, shadow, ["read"], ctx("cat")).check.verdict).toBe("pass");
  });

  it("logs with permissive=1 and allows when SELinux is permissive", () => {
    const shadow = { label: hostFileContext("/etc/shadow"), tclass: "file" as const, name: "shadow" };
    const d = selinuxFileCheck(ctr, shadow, ["read"], ctx("cat"), { enforcing: false });
    expect(d.check.verdict).toBe("pass");
    expect(d.audit).toMatch(/tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=1$/);
  });
});
