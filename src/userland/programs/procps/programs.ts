/** The procps-ng programs, by executable name, for the registry (src/userland/programs/registry.ts). */
import type { ProgramMain } from "../../process/program";
import { free } from "./free";
import { kill } from "./kill";
import { pgrep } from "./pgrep";
import { ps } from "./ps";
import { uptime } from "./uptime";

/**
 * dmesg is not here: the kernel keeps its ring buffer (printk) but has no syslog(2), and its
 * /dev/kmsg and /proc/kmsg read as empty files, so there is nothing a program could read.
 */
export const PROCPS_PROGRAMS: readonly [string, ProgramMain][] = [
  ["ps", ps], ["pgrep", pgrep], ["pkill", pgrep], ["kill", kill], ["free", free], ["uptime", uptime],
];
