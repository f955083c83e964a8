/**
 * capsh(1) from libcap 2.66: each argument is an action, done in order — `--print` shows the
 * capability state (capget(2), the bounding and ambient sets, the IAB tuple, securebits and
 * no-new-privs, ids and groups), `--decode=HEX` names the bits of a mask, `--drop`, `--inh`,
 * `--caps`, `--addamb`/`--delamb`/`--noamb`, `--keep`, `--secbits`, `--uid`/`--gid`/`--groups`/
 * `--user`, `--chroot`, `--no-new-privs` change it, the `--has-*`/`--is-*` checks exit 1 when
 * they fail, and `--` execs /bin/bash with the remaining arguments (`==` re-execs capsh).
 *
 * SIMPLIFICATION: the kernel has no PR_GET_SECUREBITS, so securebits print as capsh itself last
 * set them (0 unless --secbits/--keep ran in this invocation) and the mode is guessed from that.
 */
import type { CapSets, Errno } from "../../../kernel/index.ts";
import { strerror } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { sys, writeAll } from "../../process/sys";
import { groupById, groupList, loadAccounts, userById, userByName } from "../accounts";
import { execvp } from "../env";
import { CAP_BITS, capAt, capFromName, capFromText, capToText, capget, capset, decodeHex, has, iabText, namesIn, noNewPrivs, setOf } from "./caps";
import { capshUsage } from "./capsh-usage";
import { getRes } from "./ul";

const CAP_SETPCAP = 8;
const CAP_SYS_CHROOT = 18;
const CAP_SETUID = 7;

class Exit {
  constructor(readonly status: number) {}
}

export function* capsh(args: ProgramArgs): ProgramRun {
  let env = [...args.env];
  let secbits = 0;
  let shell = "/bin/bash";
  const out = (text: string) => writeAll(1, text);
  const fail = function* (text: string): Sys<never> {
    yield* writeAll(2, text.endsWith("\n") || text.startsWith("Unable to chroot") ? text : `${text}\n`);
    throw new Exit(1);
  };
  const perror = (what: string, e: Errno) => fail(`${what}: ${strerror(e)}`);
  const caps = function* (): Sys<CapSets> {
    const c = yield* capget();
    return c ?? (yield* fail("failed to get process capabilities: Operation not permitted"));
  };
  const nameOrDie = function* (text: string, message: (t: string) => string): Sys<number> {
    const n = capFromName(text);
    return n ?? (yield* fail(message(text)));
  };
  /** will_need_setpcap(): raise CAP_SETPCAP in effective for the change, if it is not there. */
  const withSetpcap = function* (what: string, change: () => Sys<Errno | undefined>, failed: string): Sys<void> {
    const orig = yield* caps();
    const raise = !has(orig.effective, CAP_SETPCAP);
    if (raise) {
      const r = yield* capset({ ...orig, effective: setOf([...capIndexes(orig.effective), CAP_SETPCAP]) });
      if (!r.ok) yield* perror(`unable to raise CAP_SETPCAP for ${what} changes`, r.error);
    }
    const e = yield* change();
    if (raise) {
      const r = yield* capset(orig);
      if (!r.ok) yield* perror(`unable to lower CAP_SETPCAP post ${what} change`, r.error);
    }
    if (e) yield* fail(failed);
  };
  const argv = args.argv;
  try {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      const val = (prefix: string) => (a.startsWith(prefix) ? a.slice(prefix.length) : undefined);
      const num = function* (prefix: string): Sys<number> {
        const t = a.slice(prefix.length);
        if (t === "" || t.startsWith("-") || !/^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(t)) yield* fail(`invalid ${prefix.slice(0, -1)} value: want non-negative integer, got "${t}"`);
        return Number(t.startsWith("0") && !/^0x/i.test(t) && t.length > 1 ? parseInt(t, 8) : t);
      };
      if (a === "--quiet") continue;
      if (a === "--print") yield* printState(secbits);
      else if (a === "--current") {
        const c = yield* caps();
        yield* out(`Current: ${capToText(c)}\nCurrent IAB: ${iabText(c)}\n`);
      } else if (val("--decode=") !== undefined) yield* out(`${decodeHex(val("--decode=")!)}\n`);
      else if (val("--drop=") !== undefined) {
        const list = val("--drop=")!;
        const targets = list === "all" ? [...Array(CAP_BITS).keys()] : [];
        if (list !== "all") for (const n of list.split(",").filter((x) => x !== "")) targets.push(yield* nameOrDie(n, (t) => `capability [${t}] is unknown to libcap`));
        for (const n of targets) {
          yield* withSetpcap("BSET", function* () {
            const r = yield* sys<0>({ name: "prctl", option: "PR_CAPBSET_DROP", cap: capAt(n) });
            return r.ok ? undefined : r.error;
          }, list === "all" ? `Unable to drop bounding capability [${capAt(n).toLowerCase()}]` : `failed to drop [${list.split(",").find((x) => capFromName(x) === n)}=${n}]`);
        }
      } else if (val("--inh=") !== undefined || val("--caps=") !== undefined) {
        const orig = yield* caps();
        const inh = val("--inh=");
        const wanted = inh !== undefined
          ? (inh === "" || inh === "none" ? { ...orig, inheritable: setOf([]) } : capFromText(`${capToText({ ...orig, inheritable: setOf([]) })} ${inh}+i`))
          : capFromText(val("--caps=")!);
        if (!wanted) yield* (inh !== undefined ? fail("Fatal error internalizing capabilities: Invalid argument") : fail(`unable to interpret [${a}]`));
        if (!has(orig.effective, CAP_SETPCAP)) yield* capset({ ...orig, effective: setOf([...capIndexes(orig.effective), CAP_SETPCAP]) });
        const r = yield* capset(wanted!);
        if (!r.ok) yield* (inh !== undefined ? perror("Unable to set inheritable capabilities", r.error) : fail(`Unable to set capabilities [${a}]`));
      } else if (val("--addamb=") !== undefined || val("--delamb=") !== undefined) {
        const raise = a.startsWith("--addamb=");
        const list = a.slice(9);
        const targets = list === "all" ? [...Array(CAP_BITS).keys()].map((n) => [capAt(n).toLowerCase(), n] as const) : [];
        if (list !== "all") for (const t of list.split(",").filter((x) => x !== "")) targets.push([t, yield* nameOrDie(t, (x) => `capability [${x}] is unknown to libcap`)]);
        for (const [t, n] of targets) {
          const r = yield* sys<0>({ name: "prctl", option: raise ? "PR_CAP_AMBIENT_RAISE" : "PR_CAP_AMBIENT_LOWER", cap: capAt(n) });
          if (!r.ok) yield* fail(list === "all" ? `Unable to ${raise ? "raise" : "clear"} ambient capability [${t}]` : `failed to ${raise ? "raise" : "clear"} ambient [${t}=${n}]`);
        }
      } else if (a.startsWith("--noamb")) {
        const r = yield* sys<0>({ name: "prctl", option: "PR_CAP_AMBIENT_CLEAR_ALL" });
        if (!r.ok) yield* perror("failed to reset ambient set", r.error);
      } else if (val("--keep=") !== undefined) {
        const v = yield* num("--keep=");
        const r = yield* sys<0>({ name: "prctl", option: "PR_SET_KEEPCAPS", value: v !== 0 });
        if (!r.ok) yield* fail(`prctl(PR_SET_KEEPCAPS, ${v}) failed: ${strerror(r.error)}`);
        secbits = v ? secbits | 0x10 : secbits & ~0x10;
      } else if (val("--secbits=") !== undefined) {
        const v = yield* num("--secbits=");
        const r = yield* sys<0>({ name: "prctl", option: "PR_SET_SECUREBITS", value: v });
        if (!r.ok) yield* fail(`failed to set securebits to 0${v.toString(8)}/0x${v.toString(16)}`);
        secbits = v;
      } else if (val("--chroot=") !== undefined) {
        const orig = yield* caps();
        const raised = yield* capset({ ...orig, effective: setOf([...capIndexes(orig.effective), CAP_SYS_CHROOT]) });
        if (!raised.ok) yield* perror("unable to raise CAP_SYS_CHROOT", raised.error);
        const r = yield* sys<0>({ name: "chroot", path: val("--chroot=")! });
        const lowered = yield* capset(orig);
        if (!lowered.ok) yield* perror("unable to lower CAP_SYS_CHROOT", lowered.error);
        const d = r.ok ? yield* sys<0>({ name: "chdir", path: "/" }) : r;
        if (!d.ok) yield* fail(`Unable to chroot/chdir to [${val("--chroot=")}]`);
      } else if (val("--uid=") !== undefined || val("--cap-uid=") !== undefined) {
        const cap = a.startsWith("--cap-uid=");
        const v = yield* num(cap ? "--cap-uid=" : "--uid=");
        const e = yield* (cap ? capSetuid(v) : setuid(v));
        if (e) yield* fail(cap ? `Failed to cap_setuid(${v}): ${strerror(e)}` : `Failed to set uid=${v}: ${strerror(e)}`);
      } else if (val("--gid=") !== undefined) {
        const v = yield* num("--gid=");
        const c = yield* caps();
        const r = yield* sys<0>({ name: "setresgid", ids: has(c.effective, 6) ? [v, v, v] : [-1, v, -1] });
        if (!r.ok) yield* fail(`Failed to set gid=${v}: ${strerror(r.error)}`);
      } else if (val("--groups=") !== undefined) {
        const accounts = yield* loadAccounts();
        const ids: number[] = [];
        for (const g of val("--groups=")!.split(",").filter((x) => x !== "")) {
          const id = /^\d/.test(g) ? parseInt(g, 10) : accounts.groups.find((x) => x.name === g)?.gid;
          ids.push(id ?? (yield* fail(`Failed to identify gid for group [${g}]`)));
        }
        if (!(yield* sys<0>({ name: "setgroups", groups: ids })).ok) yield* fail("Failed to setgroups.");
      } else if (val("--user=") !== undefined) {
        const name = val("--user=")!;
        const accounts = yield* loadAccounts();
        const pw = userByName(accounts, name) ?? (yield* fail(`User [${name}] not known`));
        const g = yield* sys<0>({ name: "setgroups", groups: groupList(accounts, name, pw.gid) });
        const gg = g.ok ? yield* sys<0>({ name: "setresgid", ids: [pw.gid, pw.gid, pw.gid] }) : g;
        if (!gg.ok) yield* perror("Unable to set group list for user", gg.error);
        const e = yield* capSetuid(pw.uid);
        if (e) yield* fail(`Failed to set uid=${pw.uid}(user=${name}): ${strerror(e)}`);
        env = [...env.filter((x) => !x.startsWith("HOME=") && !x.startsWith("USER=")), `HOME=${pw.home}`, `USER=${name}`];
      } else if (a === "--noenv") continue;
      else if (/^--(has-[piab]|supports|dropped)=/.test(a)) {
        const [key, t] = [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)];
        const n = yield* nameOrDie(t, (x) => `cap[${x}] not recognized by library`);
        const c = yield* caps();
        const checks: Record<string, [boolean, string]> = {
          "has-p": [has(c.permitted, n), "not permitted"], "has-i": [has(c.inheritable, n), "not inheritable"],
          "has-a": [has(c.ambient, n), "not in ambient vector"], "has-b": [has(c.bounding, n), "not in bounding vector"],
          supports: [true, ""], dropped: [!has(c.bounding, n), "raised in bounding vector"],
        };
        if (!checks[key]![0]) yield* fail(`cap[${t}] ${checks[key]![1]}`);
      } else if (val("--is-uid=") !== undefined || val("--is-gid=") !== undefined) {
        const isUid = a.startsWith("--is-uid=");
        const v = yield* num(isUid ? "--is-uid=" : "--is-gid=");
        const [got] = yield* getRes(isUid ? "getresuid" : "getresgid");
        if (got !== v) yield* fail(`${isUid ? "uid" : "gid"}: got=${got}, want=${v}`);
      } else if (a === "--no-new-privs") {
        const r = yield* sys<0>({ name: "prctl", option: "PR_SET_NO_NEW_PRIVS" });
        if (!r.ok) yield* perror("unable to set no-new-privs", r.error);
      } else if (a === "--has-no-new-privs") {
        if ((yield* noNewPrivs()) !== 1) yield* fail("no-new-privs not set");
      } else if (a === "--has-ambient") continue;
      else if (val("--shell=") !== undefined) shell = val("--shell=")!;
      else if (a === "--" || a === "==") {
        const path = a === "--" ? shell : argv[0]!;
        const e = yield* execvp(path, [path, ...argv.slice(i + 1)], env);
        void e;
        yield* fail(`execve '${path}' failed!`);
      } else {
        yield* out(capshUsage(argv[0]!));
        return a === "--help" || a === "-h" ? 0 : 1;
      }
    }
  } catch (e) {
    if (e instanceof Exit) return e.status;
    throw e;
  }
  return 0;
}

const capIndexes = (set: CapSets["effective"]) => [...Array(CAP_BITS).keys()].filter((n) => has(set, n));

/** setuid(2): all three ids with CAP_SETUID, else only the effective one. */
function* setuid(uid: number): Sys<Errno | undefined> {
  const c = yield* capget();
  const r = yield* sys<0>({ name: "setresuid", ids: c && has(c.effective, CAP_SETUID) ? [uid, uid, uid] : [-1, uid, -1] });
  return r.ok ? undefined : r.error;
}

/** cap_setuid(): keep the permitted set across the change, as libcap does with PR_SET_KEEPCAPS. */
function* capSetuid(uid: number): Sys<Errno | undefined> {
  const orig = yield* capget();
  if (!orig) return "EPERM";
  const raised = yield* capset({ ...orig, effective: setOf([...capIndexes(orig.effective), CAP_SETUID]) });
  if (!raised.ok) return raised.error;
  yield* sys<0>({ name: "prctl", option: "PR_SET_KEEPCAPS", value: true });
  const r = yield* sys<0>({ name: "setresuid", ids: [uid, uid, uid] });
  yield* sys<0>({ name: "prctl", option: "PR_SET_KEEPCAPS", value: false });
  yield* capset(orig);
  return r.ok ? undefined : r.error;
}

/** --print, in capsh's arg_print() order and words. */
function* printState(secbits: number): Sys<void> {
  const c = yield* capget();
  if (!c) return;
  const accounts = yield* loadAccounts();
  const [uid, euid] = yield* getRes("getresuid");
  const [gid] = yield* getRes("getresgid");
  const groups = yield* sys<readonly number[]>({ name: "getgroups" });
  const user = (id: number) => userById(accounts, id)?.name ?? "???";
  const group = (id: number) => groupById(accounts, id)?.name ?? "???";
  const bin = secbits.toString(2);
  const yesNo = (bit: number, lock: number) => `${secbits & bit ? "yes" : "no"} (${secbits & lock ? "locked" : "unlocked"})`;
  const lines = [
    `Current: ${capToText(c)}`, `Bounding set =${namesIn(c.bounding).join(",")}`, `Ambient set =${namesIn(c.ambient).join(",")}`,
    `Current IAB: ${iabText(c)}`, `Securebits: 0${secbits.toString(8)}/0x${secbits.toString(16)}/${bin.length}'b${bin} (no-new-privs=${yield* noNewPrivs()})`,
    ` secure-noroot: ${yesNo(0x1, 0x2)}`, ` secure-no-suid-fixup: ${yesNo(0x4, 0x8)}`, ` secure-keep-caps: ${yesNo(0x10, 0x20)}`,
    ` secure-no-ambient-raise: ${yesNo(0x40, 0x80)}`, `uid=${uid}(${user(uid)}) euid=${euid}(${user(euid!)})`, `gid=${gid}(${group(gid)})`,
    `groups=${(groups.ok ? groups.value : []).map((g) => `${g}(${group(g)})`).join(",")}`, `Guessed mode: ${guessMode(secbits, c)}`,
  ];
  yield* writeAll(1, `${lines.join("\n")}\n`);
}

/** cap_get_mode() and cap_mode_name(). */
function guessMode(secbits: number, c: CapSets): string {
  if (secbits === 0) return "HYBRID (4)";
  if ((secbits & 0x2f) !== 0x2f || namesIn(c.ambient).length > 0 || secbits !== 0xef) return "UNCERTAIN (0)";
  if (namesIn(c.inheritable).length > 0) return "PURE1E (3)";
  if (namesIn(c.permitted).length > 0 || namesIn(c.effective).length > 0 || namesIn(c.bounding).length > 0) return "PURE1E_INIT (2)";
  return "NOPRIV (1)";
}
