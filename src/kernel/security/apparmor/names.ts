/**
 * The names AppArmor prints in its audit records: signals (security/apparmor/include/sig_names.h),
 * address families and socket types (net.c: address_family_names, sock_type_names) and mount
 * flags (mount.c: audit_mnt_flags()).
 */

/** Signals 1–31 on x86, as AppArmor spells them (lowercase, no SIG prefix). */
const SIGNALS = [
  "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe", "kill", "usr1", "segv", "usr2", "pipe", "alrm", "term",
  "stkflt", "chld", "cont", "stop", "stp", "ttin", "ttou", "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "io", "pwr", "sys",
] as const;

/** SIGRTMIN as the kernel numbers it (glibc's SIGRTMIN is 34 because it keeps two for itself). */
const SIGRTMIN = 32;

export function signalName(sig: number): string {
  if (sig >= 1 && sig <= SIGNALS.length) return SIGNALS[sig - 1] as string;
  if (sig >= SIGRTMIN && sig <= 64) return `rtmin+${sig - SIGRTMIN}`;
  return `unknown(${sig})`;
}

/** AF_* 1–45 (include/linux/socket.h), named as AppArmor rules and logs name them. */
const FAMILIES = [
  "unix", "inet", "ax25", "ipx", "appletalk", "netrom", "bridge", "atmpvc", "x25", "inet6", "rose", "decnet", "netbeui",
  "security", "key", "netlink", "packet", "ash", "econet", "atmsvc", "rds", "sna", "irda", "pppox", "wanpipe", "llc",
  "ib", "mpls", "can", "tipc", "bluetooth", "iucv", "rxrpc", "isdn", "phonet", "ieee802154", "caif", "alg", "nfc",
  "vsock", "kcm", "qipcrtr", "smc", "xdp", "mctp",
] as const;

export const socketFamilyName = (af: number): string => FAMILIES[af - 1] ?? `unknown(${af})`;

/** SOCK_* (include/linux/net.h). */
const SOCK_TYPES: Readonly<Record<number, string>> = {
  1: "stream", 2: "dgram", 3: "raw", 4: "rdm", 5: "seqpacket", 6: "dccp", 10: "packet",
};
/** The type argument of socket(2) may carry SOCK_NONBLOCK and SOCK_CLOEXEC above the type bits. */
export const socketTypeName = (type: number): string => SOCK_TYPES[type & 0xf] ?? `unknown(${type & 0xf})`;

/** MS_* (include/uapi/linux/mount.h). */
export const MS = {
  RDONLY: 1, NOSUID: 2, NODEV: 4, NOEXEC: 8, SYNCHRONOUS: 16, REMOUNT: 32, MANDLOCK: 64, DIRSYNC: 128,
  NOATIME: 1024, NODIRATIME: 2048, BIND: 4096, MOVE: 8192, REC: 16384, SILENT: 32768, POSIXACL: 1 << 16,
  UNBINDABLE: 1 << 17, PRIVATE: 1 << 18, SLAVE: 1 << 19, SHARED: 1 << 20, RELATIME: 1 << 21, I_VERSION: 1 << 23,
  STRICTATIME: 1 << 24,
} as const;

/** `rw, nosuid, nodev`, `ro, remount, bind`, `rw, rprivate` — in audit_mnt_flags() order. */
export function mountFlagsText(flags: number): string {
  const rec = (flags & MS.REC) !== 0;
  const parts: string[] = [flags & MS.RDONLY ? "ro" : "rw"];
  const simple: readonly (readonly [number, string])[] = [
    [MS.NOSUID, "nosuid"], [MS.NODEV, "nodev"], [MS.NOEXEC, "noexec"], [MS.SYNCHRONOUS, "sync"], [MS.REMOUNT, "remount"],
    [MS.MANDLOCK, "mand"], [MS.DIRSYNC, "dirsync"], [MS.NOATIME, "noatime"], [MS.NODIRATIME, "nodiratime"],
  ];
  for (const [bit, name] of simple) if (flags & bit) parts.push(name);
  if (flags & MS.BIND) parts.push(rec ? "rbind" : "bind");
  if (flags & MS.MOVE) parts.push("move");
  if (flags & MS.SILENT) parts.push("silent");
  if (flags & MS.POSIXACL) parts.push("acl");
  if (flags & MS.UNBINDABLE) parts.push(rec ? "runbindable" : "unbindable");
  if (flags & MS.PRIVATE) parts.push(rec ? "rprivate" : "private");
  if (flags & MS.SLAVE) parts.push(rec ? "rslave" : "slave");
  if (flags & MS.SHARED) parts.push(rec ? "rshared" : "shared");
  if (flags & MS.RELATIME) parts.push("relatime");
  if (flags & MS.I_VERSION) parts.push("iversion");
  if (flags & MS.STRICTATIME) parts.push("strictatime");
  return parts.join(", ");
}
