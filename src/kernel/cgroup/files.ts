/**
 * The interface files of a v2 cgroup directory: read and write by name, with the errno a real
 * open()+read()/write() would give. A file that does not exist is ENOENT; opening a
 * write-only file (cgroup.kill) for reading, or a read-only one for writing, is EACCES
 * (fs/kernfs/file.c: kernfs_fop_open() checks the file has the operation).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { CgroupId } from "../ids";
import { hasFile } from "./files-list";
import { CONTROLLER_READERS, readHugetlb } from "./read-controllers";
import type { ReadContext } from "./read-core";
import { CORE_READERS } from "./read-core";
import { MEMORY_READERS } from "./read-memory";
import { findCg } from "./tree";
import type { CgroupState } from "./types";
import { CORE_WRITERS } from "./write-core";
import { CPU_WRITERS } from "./write-cpu";
import { IO_WRITERS, hugetlbWriter } from "./write-io";
import { MEMORY_PIDS_WRITERS } from "./write-memory-pids";
import type { WriteContext, WriteResult, Writer } from "./write-types";

const WRITERS: Readonly<Record<string, Writer>> = { ...CORE_WRITERS, ...MEMORY_PIDS_WRITERS, ...CPU_WRITERS, ...IO_WRITERS };

/** Reads an interface file of cgroup `id` (seq_show of its cftype). */
export function readFile(state: CgroupState, id: CgroupId, name: string, ctx: ReadContext = {}): Result<string, Errno> {
  if (!findCg(state, id) || !hasFile(state, id, name)) return err("ENOENT");
  if (name.startsWith("hugetlb.")) return ok(readHugetlb(name));
  const core = CORE_READERS[name];
  if (core) return ok(core(state, id, ctx));
  const reader = MEMORY_READERS[name] ?? CONTROLLER_READERS[name];
  return reader ? ok(reader(state, id)) : err("EACCES");
}

/** Writes `text` to an interface file of cgroup `id`, as one write(2) of the whole buffer. */
export function writeFile(state: CgroupState, id: CgroupId, name: string, text: string, ctx: WriteContext): WriteResult {
  if (!findCg(state, id) || !hasFile(state, id, name)) return err("ENOENT");
  const writer = WRITERS[name] ?? hugetlbWriter(name);
  return writer ? writer(state, id, text, ctx) : err("EACCES");
}

/** Whether a file accepts writes (its mode is 0644 rather than 0444; cgroup.kill is 0200). */
export const isWritable = (name: string): boolean => name in WRITERS || hugetlbWriter(name) !== undefined;
/** Whether a file can be read (cgroup.kill and memory.reclaim cannot). */
export const isReadable = (name: string): boolean =>
  name.startsWith("hugetlb.") || name in CORE_READERS || name in MEMORY_READERS || name in CONTROLLER_READERS;
