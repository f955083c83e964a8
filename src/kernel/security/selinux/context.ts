/**
 * SELinux security contexts `user:role:type:level` with MCS (multi-category security) levels,
 * as on a Fedora host with container-selinux: a container runs as
 * `system_u:system_r:container_t:s0:c159,c177` and its files are
 * `system_u:object_r:container_file_t:s0:c159,c177` — the category pair keeps containers apart.
 */
import type { Rng } from "../../../lib";

export interface McsLevel {
  readonly sensitivity: number;
  /** Sorted, distinct category numbers (c0–c1023). */
  readonly categories: readonly number[];
}

export interface SelinuxContext {
  readonly user: string;
  readonly role: string;
  readonly type: string;
  /** The low level, and for a range (`s0-s0:c0.c1023`) the high level. */
  readonly low: McsLevel;
  readonly high?: McsLevel;
}

/** c0–c1023: the categories of the targeted policy (`mcs` module). */
export const MCS_CATEGORY_COUNT = 1024;

function parseLevel(text: string): McsLevel | undefined {
  const m = /^s(\d+)(?::(.+))?$/.exec(text);
  if (!m) return undefined;
  const cats = new Set<number>();
  for (const part of (m[2] ?? "").split(",").filter((p) => p !== "")) {
    const r = /^c(\d+)(?:\.c(\d+))?$/.exec(part);
    if (!r) return undefined;
    const from = Number(r[1]);
    const to = r[2] === undefined ? from : Number(r[2]);
    if (to < from || to >= MCS_CATEGORY_COUNT) return undefined;
    for (let c = from; c <= to; c++) cats.add(c);
  }
  return { sensitivity: Number(m[1]), categories: [...cats].sort((a, b) => a - b) };
}

/** `system_u:system_r:container_t:s0:c1,c2`; undefined when malformed. */
export function parseContext(text: string): SelinuxContext | undefined {
  const [user, role, type, ...rest] = text.split(":");
  if (!user || !role || !type || rest.length === 0) return undefined;
  const [lowText, highText] = rest.join(":").split("-");
  const low = parseLevel(lowText ?? "");
  const high = highText === undefined ? undefined : parseLevel(highText);
  if (!low || (highText !== undefined && !high)) return undefined;
  return { user, role, type, low, ...(high ? { high } : {}) };
}

/**
 * Categories as the kernel prints them (security/selinux/ss/mls.c: mls_sid_to_context()):
 * runs of three or more as `c0.c1023`, shorter runs one by one: `c1,c2`, `c5,c9`.
 */
function categoriesText(cats: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < cats.length; ) {
    let j = i;
    while (j + 1 < cats.length && (cats[j + 1] as number) === (cats[j] as number) + 1) j++;
    if (j - i >= 2) out.push(`c${cats[i] as number}.c${cats[j] as number}`);
    else for (let k = i; k <= j; k++) out.push(`c${cats[k] as number}`);
    i = j + 1;
  }
  return out.join(",");
}

export const levelText = (l: McsLevel): string => (l.categories.length ? `s${l.sensitivity}:${categoriesText(l.categories)}` : `s${l.sensitivity}`);

export function formatContext(c: SelinuxContext): string {
  return `${c.user}:${c.role}:${c.type}:${levelText(c.low)}${c.high ? `-${levelText(c.high)}` : ""}`;
}

/** `a dom b`: a's sensitivity is at least b's and a has every category of b (MLS dominance). */
export function dominates(a: McsLevel, b: McsLevel): boolean {
  return a.sensitivity >= b.sensitivity && b.categories.every((c) => a.categories.includes(c));
}

/** The level a subject acts with against MCS constraints: its high (clearance) level. */
export const clearance = (c: SelinuxContext): McsLevel => c.high ?? c.low;

/**
 * A fresh category pair for a container, deterministic from the generator (go-selinux
 * `uniqMcs(1024)`: two random numbers modulo 1024, retried while equal or already in use,
 * lower one first). Returns the level and the next generator.
 */
export function allocateMcsPair(rng: Rng, inUse: readonly McsLevel[] = []): readonly [McsLevel, Rng] {
  let r = rng;
  const draw = (): number => {
    const [v, next] = r.next();
    r = next;
    return Math.floor(v * 2 ** 32) % MCS_CATEGORY_COUNT;
  };
  for (;;) {
    const a = draw();
    const b = draw();
    if (a === b) continue;
    const level: McsLevel = { sensitivity: 0, categories: a < b ? [a, b] : [b, a] };
    if (!inUse.some((u) => levelText(u) === levelText(level))) return [level, r] as const;
  }
}

const ctx = (user: string, role: string, type: string, low: McsLevel, high?: McsLevel): SelinuxContext =>
  ({ user, role, type, low, ...(high ? { high } : {}) });
const S0: McsLevel = { sensitivity: 0, categories: [] };
const ALL_CATEGORIES: McsLevel = { sensitivity: 0, categories: Array.from({ length: MCS_CATEGORY_COUNT }, (_, i) => i) };

/** A container process and its files, sharing one category pair. */
export const containerProcessContext = (level: McsLevel) => ctx("system_u", "system_r", "container_t", level);
export const containerFileContext = (level: McsLevel) => ctx("system_u", "object_r", "container_file_t", level);
/** `--privileged` or `--security-opt label=disable`: the "super privileged container" domain. */
export const SPC_CONTEXT = ctx("system_u", "system_r", "spc_t", S0);
/** dockerd, containerd, runc, podman. */
export const CONTAINER_RUNTIME_CONTEXT = ctx("system_u", "system_r", "container_runtime_t", S0);
/** A root login shell on the host. */
export const HOST_SHELL_CONTEXT = ctx("unconfined_u", "unconfined_r", "unconfined_t", S0, ALL_CATEGORIES);

/**
 * /proc/PID/attr/current under SELinux: the context followed by a NUL byte and no newline
 * (selinux_getprocattr() returns the context's length including its terminator).
 */
export const selinuxAttrCurrent = (c: SelinuxContext): string => `${formatContext(c)}\0`;
