/**
 * Which provider generates each synthetic filesystem. Resolved at call time, so the providers
 * (which use path lookup themselves) can import the lookup code without an import cycle at load.
 */
import { cgroup1Fs } from "./cgroup1fs";
import { cgroupFs } from "./cgroupfs";
import { nsFs } from "./nsfs";
import { pipeFs } from "./pipe";
import { procFs } from "./proc/proc-fs";
import type { SynthFs } from "./synthetic";
import { sysFs } from "./sysfs";
import type { FsType } from "./types";

export function synthFor(fstype: FsType): SynthFs | undefined {
  switch (fstype) {
    case "proc": return procFs;
    case "sysfs": return sysFs;
    case "cgroup2": return cgroupFs;
    case "cgroup": return cgroup1Fs;
    case "nsfs": return nsFs;
    case "pipefs": return pipeFs;
    default: return undefined;
  }
}
