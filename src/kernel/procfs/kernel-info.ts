/**
 * What describes the running kernel: /proc/version (`fs/proc/version.c`, the
 * `linux_banner`), /proc/cmdline and the UUIDs of /proc/sys/kernel/random. (/proc/filesystems
 * comes from the VFS's registration table, vfs/fs-types.ts.) None is namespaced: a container
 * reads the host kernel's banner — the shared kernel is visible from inside. Also the limits
 * the kernel sizes from RAM at boot.
 */
import type { KernelConfig, KernelState } from "../state";
import { fnv1a } from "./elf-images";
import type { ProcView } from "./view";

/**
 * The banner: release, the Ubuntu build host and toolchain, and the version string. The
 * toolchain is that of Ubuntu's 6.18 kernels (GCC 15.2, binutils 2.45).
 */
export function linuxBanner(config: KernelConfig): string {
  const builder = `buildd@lcy02-amd64-${String(fnv1a(config.version) % 120).padStart(3, "0")}`;
  const toolchain = "x86_64-linux-gnu-gcc-15 (Ubuntu 15.2.0-7ubuntu1) 15.2.0, GNU ld (GNU Binutils for Ubuntu) 2.45";
  return `Linux version ${config.release} (${builder}) (${toolchain}) ${config.version}`;
}

export const renderVersion = (state: KernelState, _view: ProcView): string => `${linuxBanner(state.config)}\n`;

/** A version-4 UUID whose bits come from hashing `seed` (deterministic, unlike the kernel's). */
export function uuidFrom(seed: string): string {
  const words = [0, 1, 2, 3].map((i) => fnv1a(`${seed}#${i}`).toString(16).padStart(8, "0")).join("");
  const variant = "89ab"[parseInt(words[16]!, 16) % 4]!;
  return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-${variant}${words.slice(17, 20)}-${words.slice(20, 32)}`;
}

/** The root filesystem's UUID, as GRUB passes it. */
export const rootUuid = (config: KernelConfig): string => uuidFrom(`root:${config.release}:${config.memTotalKb}`);

export const renderKernelCmdline = (state: KernelState, _view: ProcView): string =>
  `BOOT_IMAGE=/boot/vmlinuz-${state.config.release} root=UUID=${rootUuid(state.config)} ro\n`;

/**
 * /proc/sys/kernel/random/boot_id: random once per boot, the same on every read.
 * SIMPLIFICATION: derived from the kernel's configuration, so every simulated boot of the same
 * host has the same boot id.
 */
export const bootId = (config: KernelConfig): string => uuidFrom(`boot:${config.release}:${config.version}:${config.cpus}`);

/** random/uuid: a new UUID on every read; here one per simulated nanosecond. */
export const freshUuid = (state: KernelState): string => uuidFrom(`uuid:${state.nowNs}`);

/*
 * Limits the kernel computes once at boot from the amount of RAM (`kernel/fork.c:
 * set_max_threads()`): max_threads is RAM / (8 × THREAD_SIZE), RLIMIT_NPROC and
 * RLIMIT_SIGPENDING of init are max_threads / 2, and so is every ucount limit of the initial
 * user namespace (`kernel/ucount.c`: max_user_namespaces, max_pid_namespaces, …).
 */

/**
 * /proc/sys/kernel/threads-max. The config states max_user_namespaces (max_threads / 2), so
 * threads-max is derived from it rather than from memTotalKb, keeping the two consistent.
 */
export const threadsMax = (config: KernelConfig): number => 2 * config.maxUserNamespaces;

/** A new user namespace starts with every ucount limit at INT_MAX (create_user_ns()). */
export const INT_MAX = 2147483647;

/** PID_MAX_LIMIT on 64-bit: 4 × 1024 × 1024. */
export const PID_MAX_LIMIT = 4194304;

/** RLIM_INFINITY as an unsigned long, which stat's rsslim prints (beyond 2^53: kept as text). */
export const RLIM_INFINITY_TEXT = "18446744073709551615";

/** Pages of RAM (totalram_pages()), 4 KiB each. */
export const totalRamPages = (config: KernelConfig): number => Math.floor(config.memTotalKb / 4);
