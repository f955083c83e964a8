/**
 * Character and block devices (`Documentation/admin-guide/devices.txt`): the nodes devtmpfs
 * creates on the host and what reading or writing each driver does.
 */
import type { Result } from "../../lib";
import { err, ok, seededRng } from "../../lib";
import type { Errno } from "../errno";
import type { DevNum } from "./mode";
import { devNum } from "./mode";
import type { HostEntry } from "./host-tree/entry";
import { dir, links } from "./host-tree/entry";
import { GID } from "./host-tree/ubuntu-ids";

export const DEV_NULL = devNum(1, 3);
export const DEV_ZERO = devNum(1, 5);
export const DEV_FULL = devNum(1, 7);
export const DEV_RANDOM = devNum(1, 8);
export const DEV_URANDOM = devNum(1, 9);
/** An overlayfs whiteout is a character device 0:0 (WHITEOUT_DEV). */
export const WHITEOUT_DEV = devNum(0, 0);

type Node = readonly [name: string, type: "chr" | "blk", major: number, minor: number, mode: number, gid: number];

const TTYS: Node[] = Array.from({ length: 13 }, (_, n): Node => [`tty${n}`, "chr", 4, n, 0o620, GID.tty]);
const LOOPS: Node[] = Array.from({ length: 8 }, (_, n): Node => [`loop${n}`, "blk", 7, n, 0o660, GID.disk]);

/** The host's device nodes, as udev leaves them (name, type, major, minor, mode, group). */
const HOST_NODES: readonly Node[] = [
  ["null", "chr", 1, 3, 0o666, 0], ["zero", "chr", 1, 5, 0o666, 0], ["full", "chr", 1, 7, 0o666, 0],
  ["random", "chr", 1, 8, 0o666, 0], ["urandom", "chr", 1, 9, 0o666, 0], ["mem", "chr", 1, 1, 0o640, GID.kmem],
  ["port", "chr", 1, 4, 0o640, GID.kmem], ["kmsg", "chr", 1, 11, 0o644, 0],
  ["tty", "chr", 5, 0, 0o666, GID.tty], ["console", "chr", 5, 1, 0o600, 0], ["ptmx", "chr", 5, 2, 0o666, GID.tty],
  ...TTYS, ["ttyS0", "chr", 4, 64, 0o660, GID.dialout],
  ["vcs", "chr", 7, 0, 0o660, GID.tty], ["vcsa", "chr", 7, 128, 0o660, GID.tty],
  ["kvm", "chr", 10, 232, 0o660, GID.kvm], ["fuse", "chr", 10, 229, 0o666, 0], ["autofs", "chr", 10, 235, 0o644, 0],
  ["btrfs-control", "chr", 10, 234, 0o660, GID.disk], ["loop-control", "chr", 10, 237, 0o660, GID.disk],
  ["userfaultfd", "chr", 10, 126, 0o600, 0], ["vhost-net", "chr", 10, 238, 0o660, GID.kvm],
  ["vhost-vsock", "chr", 10, 241, 0o660, GID.kvm], ["vsock", "chr", 10, 122, 0o666, 0],
  ["hwrng", "chr", 10, 183, 0o600, 0], ["cpu_dma_latency", "chr", 10, 124, 0o600, 0], ["rtc0", "chr", 252, 0, 0o600, 0],
  ["net/tun", "chr", 10, 200, 0o666, 0],
  ["sda", "blk", 8, 0, 0o660, GID.disk], ["sda1", "blk", 8, 1, 0o660, GID.disk], ...LOOPS,
];

/** /dev of the host, paths relative to the devtmpfs root. */
export const hostDevEntries = (): HostEntry[] => [
  ...HOST_NODES.map(([name, type, major, minor, mode, gid]): HostEntry => ({
    path: `/${name}`, type, mode, uid: 0, gid, rdev: devNum(major, minor),
  })),
  ...links("", [
    ["fd", "/proc/self/fd"], ["stdin", "/proc/self/fd/0"], ["stdout", "/proc/self/fd/1"],
    ["stderr", "/proc/self/fd/2"], ["core", "/proc/kcore"], ["rtc", "rtc0"],
  ]),
  dir("/pts"), dir("/shm", { mode: 0o1777 }), dir("/mqueue", { mode: 0o1777 }), dir("/hugepages"),
];

const key = (d: DevNum) => `${d.major}:${d.minor}`;
const HOST_KEYS = new Set(HOST_NODES.map(([, type, major, minor]) => `${type}:${major}:${minor}`));

/** The name devtmpfs gives a device (`sda1`): what a disk filesystem's s_id is, as audit's dev= prints it. */
export function hostDeviceName(type: "chr" | "blk", rdev: DevNum): string | undefined {
  return HOST_NODES.find(([, t, major, minor]) => t === type && major === rdev.major && minor === rdev.minor)?.[0];
}

/** Whether a driver answers for this device number: opening any other node gives ENXIO. */
export function deviceExists(type: "chr" | "blk", rdev: DevNum): boolean {
  if (type === "chr" && (rdev.major === 136 || (rdev.major === 4 && rdev.minor < 64))) return true;
  return HOST_KEYS.has(`${type}:${key(rdev)}`);
}

/** read(2) on a device: `count` bytes from offset `pos`; `seed` feeds the random devices. */
export function deviceRead(type: "chr" | "blk", rdev: DevNum, count: number, seed: number): Result<string, Errno> {
  if (type === "blk") return ok("\0".repeat(count));
  switch (key(rdev)) {
    case "1:3": return ok("");
    case "1:5":
    case "1:7": return ok("\0".repeat(count));
    case "1:8":
    case "1:9": return ok(randomBytes(count, seed));
    case "10:232": return err("EINVAL");
    default:
      // SIMPLIFICATION: terminals and other drivers read end-of-file; terminal input is the
      // userland's (the shell reads its port, not /dev/tty).
      return ok("");
  }
}

/** write(2) on a device: bytes accepted, or the driver's error. */
export function deviceWrite(type: "chr" | "blk", rdev: DevNum, data: string): Result<number, Errno> {
  if (type === "chr" && key(rdev) === "1:7") return err("ENOSPC"); // /dev/full: "always full"
  if (type === "chr" && key(rdev) === "10:232") return err("EINVAL");
  // SIMPLIFICATION: writes to disks and terminals are accepted and dropped.
  return ok(data.length);
}

function randomBytes(count: number, seed: number): string {
  let rng = seededRng(seed);
  let out = "";
  for (let i = 0; i < count; i++) {
    const [v, next] = rng.next();
    out += String.fromCharCode(Math.floor(v * 256));
    rng = next;
  }
  return out;
}
