import { describe, expect, it } from "vitest";
import { eatLsmMountOpts } from "./lsm-mount-opts";

describe("SELinux mount options", () => {
  it("takes context= out of the data, quoted when it holds a comma, and leaves the rest", () => {
    expect(eatLsmMountOpts('context="system_u:object_r:container_file_t:s0:c1,c2",mode=755,size=65536k')).toEqual({
      ok: true, value: { data: "mode=755,size=65536k", shown: ['context="system_u:object_r:container_file_t:s0:c1,c2"'] },
    });
    expect(eatLsmMountOpts("context=system_u:object_r:container_file_t:s0")).toEqual({
      ok: true, value: { data: null, shown: ["context=system_u:object_r:container_file_t:s0"] },
    });
    expect(eatLsmMountOpts("lowerdir=/a,upperdir=/b")).toEqual({ ok: true, value: { data: "lowerdir=/a,upperdir=/b", shown: [] } });
  });

  it("refuses a malformed context with EINVAL", () => {
    expect(eatLsmMountOpts("context=container_file_t")).toEqual({ ok: false, error: "EINVAL" });
    expect(eatLsmMountOpts("fscontext")).toEqual({ ok: false, error: "EINVAL" });
  });
});
