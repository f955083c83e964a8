import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { lookupExecutable } from "./exec-lookup";
import { must, writeFile } from "./fs-harness";
import { MS_NOEXEC } from "./mount-flags";

const find = (k: KernelHarness, path: string) => {
  const out = lookupExecutable(k.state, k.task(k.shell), path);
  return out.ok ? out.value.program : out.error.errno;
};

describe("execve's view of files (do_open_execat)", () => {
  it("finds programs through symlinks, scripts by their #! line, and refuses the rest", () => {
    const k = new KernelHarness();
    expect(find(k, "/bin/ls")).toEqual({ kind: "program", name: "ls" });
    expect(find(k, "/usr/bin/sh")).toEqual({ kind: "program", name: "dash" });
    expect(find(k, "/etc/passwd")).toBe("EACCES");
    expect(find(k, "/etc")).toBe("EACCES");
    writeFile(k, k.shell, "/tmp/evil.sh", "#!/bin/sh\nid\n");
    expect(find(k, "/tmp/evil.sh")).toBe("EACCES");
    must(k, k.shell, { name: "chmod", path: "/tmp/evil.sh", mode: 0o755 });
    expect(find(k, "/tmp/evil.sh")).toEqual({ kind: "script", interpreter: "/bin/sh" });
    writeFile(k, k.shell, "/tmp/data", "plain");
    must(k, k.shell, { name: "chmod", path: "/tmp/data", mode: 0o755 });
    expect(find(k, "/tmp/data")).toBe("ENOEXEC");
    must(k, k.shell, { name: "mount", source: "tmpfs", target: "/mnt", fstype: "tmpfs", flags: MS_NOEXEC, data: null });
    writeFile(k, k.shell, "/mnt/x.sh", "#!/bin/sh\n");
    must(k, k.shell, { name: "chmod", path: "/mnt/x.sh", mode: 0o755 });
    expect(find(k, "/mnt/x.sh")).toBe("EACCES");
  });
});
