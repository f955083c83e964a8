/**
 * uname (coreutils 9.4 with Ubuntu's sysinfo patch, so -p and -i name the machine) and
 * hostname (Debian's hostname 3.23): both ask uname(2); hostname NAME calls sethostname(2).
 */
import { strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { readFile, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, complain, getopt, helpText, quote, tryHelp, versionText } from "./common";

/** `struct utsname` as the uname syscall returns it. */
interface Utsname {
  readonly sysname: string;
  readonly nodename: string;
  readonly release: string;
  readonly version: string;
  readonly machine: string;
  readonly domainname: string;
}

function* utsname(): Sys<Utsname> {
  const r = yield* sys<Utsname>({ name: "uname" });
  return r.ok ? r.value : { sysname: "Linux", nodename: "", release: "", version: "", machine: "", domainname: "" };
}

const UNAME_LONG = {
  ...STANDARD_LONG,
  all: { key: "a", arg: "none" }, "kernel-name": { key: "s", arg: "none" }, sysname: { key: "s", arg: "none" },
  nodename: { key: "n", arg: "none" }, "kernel-release": { key: "r", arg: "none" }, release: { key: "r", arg: "none" },
  "kernel-version": { key: "v", arg: "none" }, machine: { key: "m", arg: "none" }, processor: { key: "p", arg: "none" },
  "hardware-platform": { key: "i", arg: "none" }, "operating-system": { key: "o", arg: "none" },
} as const;

/** uname [OPTION]…: fields in the order s n r v m p i o. */
export function* uname(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "uname";
  const parsed = getopt(args.argv, { short: "asnrvmpio", long: UNAME_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  const keys = new Set(parsed.options.map((o) => o.key));
  if (keys.has("help")) return (yield* writeAll(1, helpText(prog, "[OPTION]...", "Print certain system information.  With no OPTION, same as -s."))) ? 1 : 0;
  if (keys.has("version")) return (yield* writeAll(1, versionText("uname", "David MacKenzie"))) ? 1 : 0;
  if (parsed.operands.length > 0) {
    yield* writeAll(2, `${prog}: extra operand ${quote(parsed.operands[0]!)}\n${tryHelp(prog)}`);
    return 1;
  }
  if (keys.has("a")) for (const k of "snrvmpio") keys.add(k);
  if (keys.size === 0) keys.add("s");
  const u = yield* utsname();
  const field: Record<string, string> = {
    s: u.sysname, n: u.nodename, r: u.release, v: u.version, m: u.machine, p: u.machine, i: u.machine, o: "GNU/Linux",
  };
  const line = [..."snrvmpio"].filter((k) => keys.has(k)).map((k) => field[k]).join(" ");
  return (yield* writeAll(1, `${line}\n`)) ? 1 : 0;
}

const HOSTNAME_USAGE =
  "Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n" +
  "       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n" +
  "       hostname                                 display host name\n" +
  "\n" +
  "       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n" +
  "       {yp,nis,}domainname                      display NIS domain name\n" +
  "\n" +
  "       dnsdomainname                            display dns domain name\n" +
  "\n" +
  "       hostname -V|--version|-h|--help          print info and exit\n" +
  "\n" +
  "Program name:\n" +
  "       {yp,nis,}domainname=hostname -y\n" +
  "       dnsdomainname=hostname -d\n" +
  "\n" +
  "Program options:\n" +
  "    -a, --alias            alias names\n" +
  "    -A, --all-fqdns        all long host names (FQDNs)\n" +
  "    -b, --boot             set default hostname if none available\n" +
  "    -d, --domain           DNS domain name\n" +
  "    -f, --fqdn, --long     long host name (FQDN)\n" +
  "    -F, --file             read host name or NIS domain name from given file\n" +
  "    -i, --ip-address       addresses for the host name\n" +
  "    -I, --all-ip-addresses all addresses for the host\n" +
  "    -s, --short            short host name\n" +
  "    -y, --yp, --nis        NIS/YP domain name\n" +
  "\n" +
  "Description:\n" +
  "   This command can get or set the host name or the NIS domain name. You can\n" +
  "   also get the DNS domain or the FQDN (fully qualified domain name).\n" +
  "   Unless you are using bind or NIS for host lookups you can change the\n" +
  "   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n" +
  "   part of the FQDN) in the /etc/hosts file.\n";

const HOSTNAME_LONG = {
  domain: { key: "d", arg: "none" }, boot: { key: "b", arg: "none" }, file: { key: "F", arg: "required" },
  fqdn: { key: "f", arg: "none" }, "all-fqdns": { key: "A", arg: "none" }, help: { key: "h", arg: "none" },
  long: { key: "f", arg: "none" }, short: { key: "s", arg: "none" }, version: { key: "V", arg: "none" },
  verbose: { key: "v", arg: "none" }, alias: { key: "a", arg: "none" }, "ip-address": { key: "i", arg: "none" },
  "all-ip-addresses": { key: "I", arg: "none" }, nis: { key: "y", arg: "none" }, yp: { key: "y", arg: "none" },
} as const;

/** RFC 1035 §2.3.1 as hostname's check_name() applies it. */
function validName(name: string): boolean {
  const alnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  if (!alnum(name[0]) || !alnum(name[name.length - 1])) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (!alnum(c) && c !== "-" && c !== ".") return false;
    if (c === "-" && (name[i - 1] === "." || name[i + 1] === ".")) return false;
    if (c === "." && name[i - 1] === ".") return false;
  }
  return true;
}

/** getaddrinfo(3) through the `files` source: the /etc/hosts lines naming `host`. */
function* hostsLookup(host: string): Sys<{ canon: string; addrs: string[]; aliases: string[] } | undefined> {
  const hosts = yield* readFile("/etc/hosts");
  if (!hosts.ok) return undefined;
  let found: { canon: string; addrs: string[]; aliases: string[] } | undefined;
  for (const raw of hosts.value.split("\n")) {
    const [addr, ...names] = raw.replace(/#.*/, "").trim().split(/\s+/);
    if (!addr || !names.includes(host)) continue;
    found ??= { canon: names[0]!, addrs: [], aliases: names.slice(1) };
    found.addrs.push(addr);
  }
  return found;
}

/** hostname [-b] {NAME|-F FILE} | hostname [-a|-A|-d|-f|-i|-I|-s|-y]. */
export function* hostname(args: ProgramArgs): ProgramRun {
  const prog = "hostname";
  const parsed = getopt(args.argv, { short: "aAdfbF:h?iIsVvy", long: HOSTNAME_LONG });
  if (!parsed.ok) {
    // getopt's complaint, then usage() on stdout (the '?' case), exit(-1).
    yield* writeAll(2, parsed.message.replace(/^[^:]*:/, `${prog}:`));
    yield* writeAll(1, HOSTNAME_USAGE);
    return 255;
  }
  let type = "default";
  let boot = false;
  let file: string | undefined;
  for (const o of parsed.options) {
    if (o.key === "h" || o.key === "?") {
      yield* writeAll(1, HOSTNAME_USAGE);
      return 255;
    }
    if (o.key === "V") return (yield* writeAll(1, "hostname 3.23\n")) ? 1 : 0;
    if (o.key === "b") boot = true;
    else if (o.key === "F") file = o.value;
    else if (o.key !== "v") type = o.key;
  }
  const u = yield* utsname();
  let name: string | undefined;
  if (file !== undefined) {
    const text = yield* readFile(file);
    if (!text.ok && !boot) {
      yield* complain(prog, strerror(text.error));
      return 1;
    }
    name = text.ok ? (text.value.split("\n").find((l) => l !== "" && !l.startsWith("#")) ?? "") : undefined;
    if (boot && !name) name = u.nodename === "" || u.nodename === "(none)" ? "localhost" : u.nodename;
  }
  const operands = [...parsed.operands];
  if (operands.length > 0) {
    if (name !== undefined) {
      yield* writeAll(2, HOSTNAME_USAGE);
      return 255;
    }
    name = operands.shift();
  }
  if (operands.length > 0) {
    yield* writeAll(2, HOSTNAME_USAGE);
    return 255;
  }
  if (name !== undefined) return yield* setName(prog, type, name);
  return yield* showName(prog, type, u);
}

function* setName(prog: string, type: string, raw: string): Sys<number> {
  if (type === "y") {
    const r = yield* sys<0>({ name: "setdomainname", domainname: raw });
    if (r.ok) return 0;
    yield* complain(prog, r.error === "EPERM" ? "you must be root to change the domain name" : "name too long");
    return 1;
  }
  if (type !== "default") {
    yield* writeAll(2, HOSTNAME_USAGE);
    return 255;
  }
  const name = raw.trim();
  if (!validName(name)) {
    yield* complain(prog, "the specified hostname is invalid");
    return 1;
  }
  const r = yield* sys<0>({ name: "sethostname", hostname: name });
  if (r.ok) return 0;
  if (r.error === "EPERM") yield* complain(prog, "you must be root to change the host name");
  else if (r.error === "EINVAL") yield* complain(prog, "name too long");
  return 1;
}

function* showName(prog: string, type: string, u: Utsname): Sys<number> {
  const say = function* (text: string): Sys<number> {
    return (yield* writeAll(1, text)) ? 1 : 0;
  };
  if (type === "default") return yield* say(`${u.nodename}\n`);
  if (type === "s") return yield* say(`${u.nodename.split(".")[0]}\n`);
  if (type === "y") {
    if (u.domainname === "" || u.domainname === "(none)") {
      yield* say(`${prog}: Local domain name not set\n`);
      return 1;
    }
    return yield* say(`${u.domainname}\n`);
  }
  if (type === "I" || type === "A") {
    // SIMPLIFICATION: getifaddrs(3) needs a netlink dump this program does not make yet.
    yield* writeAll(2, `isolab: hostname -${type}: interface addresses are not simulated yet\n`);
    return 1;
  }
  const found = yield* hostsLookup(u.nodename);
  if (!found) {
    yield* complain(prog, "Name or service not known");
    return 1;
  }
  const dot = found.canon.indexOf(".");
  if (type === "a") return yield* say(`${found.aliases.join(" ")}\n`);
  if (type === "i") return yield* say(`${found.addrs.join(" ")}\n`);
  if (type === "d") return dot >= 0 ? yield* say(`${found.canon.slice(dot + 1)}\n`) : 0;
  return yield* say(`${found.canon}\n`);
}
