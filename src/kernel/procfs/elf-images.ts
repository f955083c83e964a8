/**
 * The ELF files a process maps: its executable, its dynamic linker and its libraries, each as
 * the PT_LOAD segments the loader maps (`fs/binfmt_elf.c: load_elf_binary()`, then ld.so).
 * A modern linker (`-z separate-code`) emits four segments: headers and read-only data before
 * the code (r--p), code (r-xp), read-only data (r--p) and data (rw-p), of which ld.so makes
 * the RELRO part read-only again after relocation (the second r--p mapping), plus the .bss
 * as anonymous memory right after. Sizes of the known files are those of Ubuntu 24.04
 * (glibc 2.39, bash 5.2) and Alpine 3.22 (musl 1.2.5, busybox 1.37).
 */

export interface ElfImage {
  readonly path: string;
  /** Sizes in bytes, page-aligned: headers+rodata before code, code, rodata, relro, data, bss. */
  readonly head: number;
  readonly text: number;
  readonly rodata: number;
  readonly relro: number;
  readonly data: number;
  readonly bss: number;
}

const K = 1024;
const image = (path: string, sizesKb: readonly [number, number, number, number, number, number]): ElfImage => {
  const [head, text, rodata, relro, data, bss] = sizesKb.map((kb) => kb * K) as [number, number, number, number, number, number];
  return { path, head, text, rodata, relro, data, bss };
};

export const GLIBC_LIBC = image("/usr/lib/x86_64-linux-gnu/libc.so.6", [160, 1620, 316, 16, 8, 52]);
export const GLIBC_LD = image("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", [4, 184, 44, 8, 4, 4]);
export const MUSL_LD = image("/lib/ld-musl-x86_64.so.1", [80, 324, 212, 4, 4, 12]);

/** The libraries (DT_NEEDED, in load order) of programs whose layout is known. */
const LIBS: Readonly<Record<string, readonly ElfImage[]>> = {
  "/usr/bin/bash": [image("/usr/lib/x86_64-linux-gnu/libtinfo.so.6.4", [56, 72, 28, 16, 4, 0])],
  "/usr/lib/systemd/systemd": [image("/usr/lib/x86_64-linux-gnu/systemd/libsystemd-shared-255.so", [464, 1748, 760, 72, 8, 4])],
};

const KNOWN: Readonly<Record<string, ElfImage>> = {
  "/usr/bin/bash": image("/usr/bin/bash", [192, 956, 212, 16, 36, 44]),
  "/usr/lib/systemd/systemd": image("/usr/lib/systemd/systemd", [24, 52, 28, 8, 4, 0]),
  "/usr/bin/sleep": image("/usr/bin/sleep", [8, 16, 8, 4, 4, 0]),
  "/usr/bin/cat": image("/usr/bin/cat", [8, 20, 12, 4, 4, 0]),
  "/bin/busybox": image("/bin/busybox", [56, 676, 136, 16, 4, 8]),
};

/** FNV-1a: a small deterministic hash, so unknown programs still get stable, plausible sizes. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The image of an executable. SIMPLIFICATION: an executable the table does not know gets
 * sizes derived from a hash of its path (small to mid-sized tools), not from a real file.
 */
export function executableImage(path: string): ElfImage {
  const known = KNOWN[path];
  if (known) return known;
  const h = fnv1a(path);
  return image(path, [8 + (h % 6) * 4, 16 + ((h >>> 3) % 48) * 8, 8 + ((h >>> 9) % 16) * 4, 4, 4, 4 * ((h >>> 13) % 3)]);
}

/**
 * Which C library a program runs on. SIMPLIFICATION: `busybox` binaries are Alpine's (dynamic,
 * musl, whose ld-musl is both the dynamic linker and libc); every other program is a glibc
 * program, dynamically linked (Go binaries such as containerd and runc are static in reality).
 */
export function librariesOf(path: string): { readonly interp: ElfImage; readonly libs: readonly ElfImage[] } {
  if (path.endsWith("/busybox")) return { interp: MUSL_LD, libs: [] };
  return { interp: GLIBC_LD, libs: [...(LIBS[path] ?? []), GLIBC_LIBC] };
}

/** A file's size as mapped: every segment, not the .bss. */
export const mappedFileSize = (img: ElfImage): number => img.head + img.text + img.rodata + img.relro + img.data;
