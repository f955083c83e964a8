/**
 * Signal names and numbers as procps-ng's `lib/signals.c` converts them, for kill, pkill and
 * pgrep: the x86-64 table (sigtable, sorted by name for the lookup), SIGRTMIN = 34 as glibc
 * reports it, and `-l`/`-L` listings.
 */

/** glibc's SIGRTMIN (<signal.h>: __libc_current_sigrtmin(), two reserved for NPTL). */
const SIGRTMIN = 34;

const TABLE: readonly (readonly [string, number])[] = [
  ["ABRT", 6], ["ALRM", 14], ["BUS", 7], ["CHLD", 17], ["CONT", 18], ["FPE", 8], ["HUP", 1], ["ILL", 4], ["INT", 2],
  ["KILL", 9], ["PIPE", 13], ["POLL", 29], ["PROF", 27], ["PWR", 30], ["QUIT", 3], ["SEGV", 11], ["STKFLT", 16],
  ["STOP", 19], ["SYS", 31], ["TERM", 15], ["TRAP", 5], ["TSTP", 20], ["TTIN", 21], ["TTOU", 22], ["URG", 23],
  ["USR1", 10], ["USR2", 12], ["VTALRM", 26], ["WINCH", 28], ["XCPU", 24], ["XFSZ", 25],
];

/** signal_name_to_number(): a name (with or without SIG, any case) or a number; -1 if neither. */
export function signalNameToNumber(text: string): number {
  let name = /^sig/i.test(text) ? text.slice(3) : text;
  const upper = name.toUpperCase();
  const alias: Record<string, number> = { CLD: 17, IO: 29, IOT: 6 };
  if (alias[upper] !== undefined) return alias[upper];
  const hit = TABLE.find(([n]) => n === upper);
  if (hit) return hit[1];
  if (upper === "RTMIN") return SIGRTMIN;
  if (upper === "EXIT" || upper === "NULL") return 0;
  let offset = 0;
  if (upper.startsWith("RTMIN+")) {
    name = name.slice(6);
    offset = SIGRTMIN;
  }
  const m = /^\s*[+-]?\d+/.exec(name);
  if (!m || m[0].length !== name.length) return -1;
  const val = Number(m[0]);
  return val + SIGRTMIN > 127 ? -1 : val + offset;
}

/** signal_number_to_name(). */
export function signalNumberToName(signo: number): string {
  const sig = signo & 0x7f;
  for (let i = TABLE.length - 1; i >= 0; i--) if (TABLE[i]![1] === sig) return TABLE[i]![0];
  if (sig === SIGRTMIN) return "RTMIN";
  return sig ? `RTMIN+${sig - SIGRTMIN}` : "0";
}

/** strtosig(): `kill -l 9` → `KILL`, `kill -l KILL` → `9`; undefined for neither. */
export function strtosig(s: string): string | undefined {
  const upper = s.toUpperCase();
  const p = upper.startsWith("SIG") ? upper.slice(3) : upper;
  if (/^\d/.test(p)) {
    if (!/^\d+$/.test(s)) return undefined;
    const n = Number(s);
    return n ? TABLE.find(([, num]) => num === n)?.[0] : undefined;
  }
  const hit = TABLE.find(([n]) => n === p);
  return hit ? String(hit[1]) : undefined;
}

/** unix_print_signals(): `kill -l`, wrapped after column 73. */
export function unixSignalList(): string {
  let out = "";
  let pos = 0;
  for (let i = 1; i <= TABLE.length; i++) {
    if (i > 1) {
      if (pos > 73) {
        out += "\n";
        pos = 0;
      } else {
        out += " ";
        pos++;
      }
    }
    const name = signalNumberToName(i);
    out += name;
    pos += name.length;
  }
  return `${out}\n`;
}

/** pretty_print_signals(): `kill -L`, seven to a line. */
export function prettySignalList(): string {
  let out = "";
  for (let i = 1; i <= TABLE.length; i++) {
    const cell = `${String(i).padStart(2)} ${signalNumberToName(i)}`;
    out += i % 7 ? cell.padEnd(11) : `${cell}\n`;
  }
  return TABLE.length % 7 ? `${out}\n` : out;
}

/**
 * skill_sig_option(): the first `-SIGNAL` word that names a signal, taken out of argv.
 * Returns the signal (or -1) and the remaining words.
 */
export function takeSignalOption(argv: readonly string[]): [number, string[]] {
  for (let i = 1; i < argv.length; i++) {
    if (!argv[i]!.startsWith("-")) continue;
    const sig = signalNameToNumber(argv[i]!.slice(1));
    if (sig > -1) return [sig, [...argv.slice(0, i), ...argv.slice(i + 1)]];
  }
  return [-1, [...argv]];
}
