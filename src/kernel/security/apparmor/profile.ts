/**
 * AppArmor profiles as data: the rule kinds that Docker's `docker-default` profile uses
 * (apparmor.d(5): file, network, capability, mount/umount, signal, ptrace rules), each with the
 * line it comes from so traces can quote it.
 */

/** File permission letters (apparmor.d(5) "Access Modes"). */
export type AaFilePerm = "r" | "w" | "a" | "k" | "l" | "m" | "x";
export type AaSignalPerm = "send" | "receive";
export type AaPtracePerm = "trace" | "tracedby" | "read" | "readby";

interface RuleBase {
  readonly deny?: true;
  /** The rule as written in the profile, without its trailing comma. */
  readonly text: string;
}

export type AaRule =
  /** `file,` (no path: every file, every mode) or `deny PATH PERMS`. */
  | (RuleBase & { readonly kind: "file"; readonly path?: string; readonly perms?: readonly AaFilePerm[] })
  /** `network,` or `deny network alg` (a family, optionally a socket type). */
  | (RuleBase & { readonly kind: "network"; readonly family?: string; readonly type?: string })
  | (RuleBase & { readonly kind: "capability"; readonly caps?: readonly string[] })
  /**
   * `mount,` / `deny mount,` with no conditions: every mount, remount, bind, move.
   * SIMPLIFICATION: conditional mount rules (fstype=, options=, -> target) and pivot_root rules
   * are not modelled; docker-default has none.
   */
  | (RuleBase & { readonly kind: "mount" })
  | (RuleBase & { readonly kind: "umount" })
  | (RuleBase & { readonly kind: "signal"; readonly perms: readonly AaSignalPerm[]; readonly peer?: string })
  | (RuleBase & { readonly kind: "ptrace"; readonly perms: readonly AaPtracePerm[]; readonly peer?: string });

// SIMPLIFICATION: `flags` are carried for display only: paths are always connected and live,
// so attach_disconnected and mediate_deleted change nothing here.
export interface AaProfile {
  readonly name: string;
  /** `unconfined` is the label of tasks with no profile: nothing is mediated. */
  readonly mode: "enforce" | "complain" | "unconfined";
  readonly flags: readonly string[];
  readonly variables: Readonly<Record<string, string>>;
  readonly rules: readonly AaRule[];
}

export const APPARMOR_UNCONFINED: AaProfile = { name: "unconfined", mode: "unconfined", flags: [], variables: {}, rules: [] };

const file = (path: string, perms: string): AaRule => ({
  kind: "file", deny: true, path, perms: [...perms] as AaFilePerm[], text: `deny ${path} ${perms}`,
});
const quote = (name: string) => `"${name}"`;

/** Which rendering of moby/profiles `apparmor/template.go` (reference §5.1 and §12 item 13). */
export type DockerDefaultVersion = "current" | "2024";

/** The /proc rules; the 2024 template's classes lack the '/' that keeps `[^1-9]` off slashes. */
function procRules(version: DockerDefaultVersion): readonly AaRule[] {
  const pid = version === "current"
    ? "{[^1-9/],[^1-9/][^0-9/],[^1-9s/][^0-9y/][^0-9s/],[^1-9/][^0-9/][^0-9/][^0-9/]*}"
    : "{[^1-9],[^1-9][^0-9],[^1-9s][^0-9y][^0-9s],[^1-9][^0-9][^0-9][^0-9/]*}";
  return [
    file("@{PROC}/*", "w"),
    file(`@{PROC}/${pid}/**`, "w"),
    file("@{PROC}/sys/[^k]**", "w"),
    file("@{PROC}/sys/kernel/{?,??,[^s][^h][^m]**}", "w"),
    file("@{PROC}/sysrq-trigger", "rwklx"),
    file("@{PROC}/kcore", "rwklx"),
  ];
}

const SYS_RULES: readonly AaRule[] = [
  file("/sys/[^f]*/**", "wklx"),
  file("/sys/f[^s]*/**", "wklx"),
  file("/sys/fs/[^c]*/**", "wklx"),
  file("/sys/fs/c[^g]*/**", "wklx"),
  file("/sys/fs/cg[^r]*/**", "wklx"),
  file("/sys/firmware/**", "rwklx"),
  file("/sys/devices/virtual/powercap/**", "rwklx"),
  file("/sys/kernel/security/**", "rwklx"),
];

/**
 * The profile Docker renders from moby/profiles `apparmor/template.go` for every container that
 * is neither privileged nor given `--security-opt apparmor=…`. `name` is `docker-default` in
 * production (moby daemon/apparmor_default.go) and `daemonProfile` the daemon's own label,
 * `unconfined`. "current" is the 2026 rendering (with `deny network alg`); "2024" the classic one.
 */
export function dockerDefaultProfile(name = "docker-default", daemonProfile = "unconfined", version: DockerDefaultVersion = "current"): AaProfile {
  const q = version === "current" ? quote : (n: string) => n;
  const signal = (perms: readonly AaSignalPerm[], peer: string, shown: string): AaRule => ({
    kind: "signal", perms, peer, text: `signal (${perms.join(",")}) peer=${shown}`,
  });
  const ptrace: readonly AaPtracePerm[] = version === "current" ? ["trace", "tracedby", "read", "readby"] : ["trace", "read", "tracedby", "readby"];
  return {
    name, mode: "enforce", flags: ["attach_disconnected", "mediate_deleted"], variables: { PROC: "/proc/" },
    rules: [
      { kind: "network", text: "network" },
      ...(version === "current" ? [{ kind: "network", deny: true, family: "alg", text: "deny network alg" } as const] : []),
      { kind: "capability", text: "capability" },
      { kind: "file", text: "file" },
      { kind: "umount", text: "umount" },
      signal(["receive"], "unconfined", "unconfined"),
      signal(["receive"], "runc", "runc"),
      signal(["receive"], "crun", "crun"),
      signal(["receive"], daemonProfile, q(daemonProfile)),
      signal(["send", "receive"], name, q(name)),
      ...procRules(version),
      { kind: "mount", deny: true, text: "deny mount" },
      ...SYS_RULES,
      { kind: "ptrace", perms: ptrace, peer: name, text: `ptrace (${ptrace.join(",")}) peer=${q(name)}` },
    ],
  };
}

/** `docker-default` as Docker loads it. */
export const DOCKER_DEFAULT_APPARMOR: AaProfile = dockerDefaultProfile();

/**
 * /proc/PID/attr/current (security/apparmor/procattr.c: aa_getprocattr()): the label, its mode
 * in parentheses unless unconfined, and a newline — `docker-default (enforce)`, `unconfined`.
 */
export function apparmorAttrCurrent(profile: AaProfile): string {
  return profile.mode === "unconfined" ? "unconfined\n" : `${profile.name} (${profile.mode})\n`;
}
