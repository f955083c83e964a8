/**
 * free (procps-ng 4.0.4 `src/free.c` with `library/meminfo.c`'s derived values): memory and
 * swap from /proc/meminfo. used = MemTotal − MemAvailable, buff/cache = Buffers + Cached +
 * SReclaimable, as procps computes them since 4.0.1.
 */
import type { Timespec } from "../../../kernel/index.ts";
import { CLOCK_MONOTONIC, TIMER_ABSTIME } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { getopt } from "../common";
import { readMeminfo } from "./proc-read";

const flag = (key: string): LongOption => ({ key, arg: "none" });
const LONG: Record<string, LongOption> = {
  bytes: flag("b"), kilo: flag("kilo"), mega: flag("mega"), giga: flag("giga"), tera: flag("tera"), peta: flag("peta"),
  kibi: flag("k"), mebi: flag("m"), gibi: flag("g"), tebi: flag("tebi"), pebi: flag("pebi"), human: flag("h"), si: flag("si"),
  lohi: flag("l"), total: flag("t"), committed: flag("v"), seconds: { key: "s", arg: "required" },
  count: { key: "c", arg: "required" }, wide: flag("w"), help: flag("help"), version: flag("V"),
};
const UNITS: Record<string, [number, boolean]> = {
  b: [1, false], k: [2, false], m: [3, false], g: [4, false], tebi: [5, false], pebi: [6, false],
  kilo: [2, true], mega: [3, true], giga: [4, true], tera: [5, true], peta: [6, true],
};

const USAGE =
  "\nUsage:\n free [options]\n\nOptions:\n -b, --bytes         show output in bytes\n     --kilo          show output in kilobytes\n" +
  "     --mega          show output in megabytes\n     --giga          show output in gigabytes\n     --tera          show output in terabytes\n" +
  "     --peta          show output in petabytes\n -k, --kibi          show output in kibibytes\n -m, --mebi          show output in mebibytes\n" +
  " -g, --gibi          show output in gibibytes\n     --tebi          show output in tebibytes\n     --pebi          show output in pebibytes\n" +
  " -h, --human         show human-readable output\n     --si            use powers of 1000 not 1024\n" +
  " -l, --lohi          show detailed low and high memory statistics\n -t, --total         show total for RAM + swap\n" +
  " -v, --committed     show committed memory and commit limit\n -s N, --seconds N   repeat printing every N seconds\n" +
  " -c N, --count N     repeat printing N times, then exit\n -w, --wide          wide output\n\n" +
  "     --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see free(1).\n";

/** scale_size(): kB in the chosen unit, or 4–5 characters with a suffix under -h. */
export function scaleSize(kb: number, exponent: number, human: boolean, si: boolean): string {
  const base = si ? 1000 : 1024;
  const bytes = kb * 1024;
  if (!human) return exponent === 0 ? String(kb) : exponent === 1 ? String(bytes) : String(Math.trunc(bytes / base ** (exponent - 1)));
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const up = "BKMGTP";
  let text = "";
  for (let i = 1; i < up.length; i++) {
    const v = Math.fround(bytes / base ** i);
    const suffix = si ? up[i]! : `${up[i]}i`;
    const limit = si ? 4 : 5;
    text = `${v.toFixed(1)}${suffix}`;
    if (text.length <= limit) return text;
    text = `${Math.trunc(bytes / base ** i)}${suffix}`;
    if (text.length <= limit) return text;
  }
  return text;
}

export function* free(args: ProgramArgs): ProgramRun {
  const parsed = getopt(args.argv, { short: "bkmghltvc:ws:V", long: LONG });
  const fail = function* (text: string) {
    yield* writeAll(2, text);
    return 1;
  };
  if (!parsed.ok) return yield* fail(parsed.message + USAGE);
  let exponent = 0, si = false, human = false, unitSet = false, lohi = false, total = false, committed = false, wide = false;
  let interval: number | undefined, count: number | undefined;
  for (const { key, value = "" } of parsed.options) {
    const unit = UNITS[key];
    if (unit) {
      if (unitSet) return yield* fail("free: Multiple unit options don't make sense.\n");
      unitSet = true;
      [exponent, si] = [unit[0], unit[1] || si];
    } else if (key === "h") human = true;
    else if (key === "si") si = true;
    else if (key === "l") lohi = true;
    else if (key === "t") total = true;
    else if (key === "v") committed = true;
    else if (key === "w") wide = true;
    else if (key === "help") return (yield* writeAll(1, USAGE)) ? 1 : 0;
    else if (key === "V") return (yield* writeAll(1, "free from procps-ng 4.0.4\n")) ? 1 : 0;
    else if (key === "s") {
      const n = /^\d*([.,]\d*)?$/.test(value) && value !== "" ? Number(value.replace(",", ".")) : NaN;
      if (Number.isNaN(n)) return yield* fail(`free: seconds argument failed: '${value}'\n`);
      if (n * 1e6 < 1) return yield* fail(`free: seconds argument \`${value}' is not positive number\n`);
      interval = n;
    } else if (key === "c") {
      if (!/^\s*[+-]?\d+$/.test(value)) return yield* fail(`free: failed to parse count argument: '${value}'\n`);
      count = Number(value);
      if (count < 1) return yield* fail(`free: failed to parse count argument: '${value}': Numerical result out of range\n`);
      interval ??= 1;
    }
  }
  if (parsed.operands.length) return yield* fail(USAGE);
  for (;;) {
    const mem = yield* readMeminfo();
    if (!mem) return yield* fail("free: Memory information file /proc/meminfo does not exist\n");
    const g = (k: string) => mem.get(k) ?? 0;
    const available = g("MemAvailable") > g("MemTotal") ? g("MemFree") : g("MemAvailable");
    const used = g("MemTotal") - available >= 0 ? g("MemTotal") - available : g("MemTotal") - g("MemFree");
    const cache = g("Cached") + g("SReclaimable");
    const swapUsed = Math.max(0, g("SwapTotal") - g("SwapFree"));
    const cell = (kb: number) => scaleSize(kb, exponent, human, si).padStart(11);
    const row = (label: string, values: number[]) => `${label.padEnd(9)}${values.map(cell).join(" ")}\n`;
    let out = wide
      ? "               total        used        free      shared     buffers       cache   available\n"
      : "               total        used        free      shared  buff/cache   available\n";
    out += row("Mem:", [g("MemTotal"), used, g("MemFree"), g("Shmem"), ...(wide ? [g("Buffers"), cache] : [g("Buffers") + cache]), available]);
    if (lohi) out += row("Low:", [g("MemTotal"), g("MemTotal") - g("MemFree"), g("MemFree")]) + row("High:", [0, 0, 0]);
    out += row("Swap:", [g("SwapTotal"), swapUsed, g("SwapFree")]);
    if (total) out += row("Total:", [g("MemTotal") + g("SwapTotal"), used + swapUsed, g("MemFree") + g("SwapFree")]);
    if (committed) out += row("Comm:", [g("CommitLimit"), g("Committed_AS"), g("CommitLimit") - g("Committed_AS")]);
    if (count !== undefined && --count < 1) return (yield* writeAll(1, out)) ? 1 : 0;
    if (interval === undefined) return (yield* writeAll(1, out)) ? 1 : 0;
    if (yield* writeAll(1, `${out}\n`)) return 1;
    // usleep(): an absolute deadline, so that a retried sleep does not start over.
    const now = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_MONOTONIC });
    const start = now.ok ? now.value.sec * 1e9 + now.value.nsec : 0;
    yield* sys<0>({ name: "clock_nanosleep", clock: CLOCK_MONOTONIC, flags: TIMER_ABSTIME, ns: start + Math.round(interval * 1e9) });
  }
}
