/**
 * A process's address space (`struct mm_struct` and its VMAs), as /proc/PID/maps, status and
 * stat show it. Linux randomizes every base address at exec (ASLR); here the "random" bits
 * come from a hash of the pid and the executable, so a given process always has the same
 * layout and two processes differ. The shape follows x86-64 Linux 6.18: the PIE executable
 * near ELF_ET_DYN_BASE, [heap] after it, the dynamic linker at the top of the mmap area with
 * [vvar] / [vvar_vclock] / [vdso] just below it (6.13+ splits the vclock pages out), the
 * libraries below those, the [stack] near the top of user space and the legacy [vsyscall]
 * page (`vsyscall=xonly`, so `--xp`).
 */
import type { Task } from "../task/task";
import type { ElfImage } from "./elf-images";
import { executableImage, fnv1a, librariesOf, mappedFileSize } from "./elf-images";

export const PAGE = 4096;
const ELF_ET_DYN_BASE = 0x555555554000;
const MMAP_TOP = 0x7ff000000000;
const STACK_TOP = 0x7ffffffff000;
const TWO_MIB = 0x200000;
const STACK_SIZE = 0x21000;
const MAX_HEAP = 16 * 1024 * 1024;
export const VSYSCALL = { start: 0xffffffffff600000, end: 0xffffffffff601000 } as const;

export interface Vma {
  readonly start: number;
  readonly end: number;
  readonly perms: "r--p" | "r-xp" | "rw-p" | "--xp";
  readonly offset: number;
  /** Backing file, or undefined for anonymous memory. */
  readonly file?: string;
  /** `[heap]`, `[stack]`, `[vdso]`…: the name of a special or anonymous mapping. */
  readonly name?: string;
}

export interface MmLayout {
  /** Every mapping in address order, [vsyscall] last. */
  readonly vmas: readonly Vma[];
  readonly startCode: number;
  readonly endCode: number;
  readonly startData: number;
  readonly endData: number;
  readonly startBrk: number;
  readonly brk: number;
  readonly startStack: number;
  readonly argStart: number;
  readonly argEnd: number;
  readonly envStart: number;
  readonly envEnd: number;
}

const pageUp = (n: number): number => Math.ceil(n / PAGE) * PAGE;
const size = (img: ElfImage): number => mappedFileSize(img) + img.bss;

/** The mappings of one ELF file loaded at `base`, .bss included (load_elf_binary(), ld.so). */
function mapElf(img: ElfImage, base: number): Vma[] {
  const parts: [Vma["perms"], number][] = [["r--p", img.head], ["r-xp", img.text], ["r--p", img.rodata], ["r--p", img.relro], ["rw-p", img.data]];
  const out: Vma[] = [];
  let at = base;
  let offset = 0;
  for (const [perms, len] of parts) {
    if (len > 0) out.push({ start: at, end: at + len, perms, offset, file: img.path });
    at += len;
    offset += len;
  }
  if (img.bss > 0) out.push({ start: at, end: at + img.bss, perms: "rw-p", offset: 0 });
  return out;
}

const anon = (start: number, len: number, name?: string): Vma =>
  name === undefined ? { start, end: start + len, perms: "rw-p", offset: 0 } : { start, end: start + len, perms: "rw-p", offset: 0, name };

/** The mmap area, filled top-down: ld.so, the vDSO pages, ld.so's TLS page, then each library. */
function mmapArea(task: Task, top: number): { vmas: Vma[]; bottom: number } {
  const { interp, libs } = librariesOf(task.exe);
  const vmas: Vma[] = [];
  let at = top - size(interp);
  vmas.push(...mapElf(interp, at));
  for (const [name, len, perms] of [["[vdso]", 0x2000, "r-xp"], ["[vvar_vclock]", 0x2000, "r--p"], ["[vvar]", 0x2000, "r--p"]] as const) {
    at -= len;
    vmas.push({ start: at, end: at + len, perms, offset: 0, name });
  }
  at -= 0x2000;
  vmas.push(anon(at, 0x2000));
  for (const lib of libs) {
    at -= size(lib);
    // Large file mappings are aligned to a huge-page boundary (thp_get_unmapped_area()).
    if (size(lib) >= TWO_MIB) at -= at % TWO_MIB;
    vmas.push(...mapElf(lib, at));
  }
  return { vmas, bottom: at };
}

const bytesOf = (strings: readonly string[]): number => strings.reduce((n, s) => n + s.length + 1, 0);

/**
 * The layout of a user process, or undefined for a kernel thread or a zombie (no mm).
 * [heap] and one anonymous region take whatever VmSize (task.memory.vszKb) leaves over.
 */
export function mmLayout(task: Task): MmLayout | undefined {
  if (task.kthread || task.state === "Z" || task.exe === "") return undefined;
  const seed = fnv1a(`${task.pid}:${task.exe}`);
  const seed2 = fnv1a(`${task.exe}:${task.pid}`);
  const exe = executableImage(task.exe);
  const base = ELF_ET_DYN_BASE + seed * PAGE;
  const exeVmas = mapElf(exe, base);
  const startBrk = pageUp(base + size(exe)) + ((seed >>> 7) % 0x2000) * PAGE;
  const { vmas: libVmas, bottom } = mmapArea(task, MMAP_TOP - (seed2 % 0x10000000) * PAGE);
  const stackTop = STACK_TOP - ((seed2 >>> 4) % 0x400000) * PAGE;
  const fixed = [...exeVmas, ...libVmas].reduce((n, v) => n + v.end - v.start, 0) + STACK_SIZE;
  const rest = Math.max(0, pageUp(task.memory.vszKb * 1024) - fixed);
  const heap = Math.max(0x21000, Math.min(rest, MAX_HEAP));
  const extra = rest - heap > 0 ? pageUp(rest - heap) : 0;
  const vmas: Vma[] = [
    ...exeVmas,
    anon(startBrk, heap, "[heap]"),
    ...(extra > 0 ? [anon(bottom - PAGE - extra, extra)] : []),
    ...libVmas,
    anon(stackTop - STACK_SIZE, STACK_SIZE, "[stack]"),
  ].sort((a, b) => a.start - b.start);
  const text = exeVmas.find((v) => v.perms === "r-xp")!;
  const relroStart = base + exe.head + exe.text + exe.rodata;
  const envEnd = stackTop - 32;
  const envStart = envEnd - bytesOf(task.env);
  const argStart = envStart - bytesOf(task.argv);
  return {
    vmas: [...vmas, { ...VSYSCALL, perms: "--xp", offset: 0, name: "[vsyscall]" }],
    startCode: text.start, endCode: text.end, startData: relroStart, endData: relroStart + exe.relro + exe.data,
    startBrk, brk: startBrk + heap,
    startStack: Math.floor((argStart - 8 * (task.argv.length + task.env.length + 40)) / 16) * 16,
    argStart, argEnd: envStart, envStart, envEnd,
  };
}
