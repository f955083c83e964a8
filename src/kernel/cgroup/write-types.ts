/** Shapes shared by the interface-file writers. */
import type { Result } from "../../lib";
import type { Errno } from "../errno";
import type { CgroupId, Pid } from "../ids";
import type { CgroupEffect, CgroupState } from "./types";

export interface WriteContext {
  /** The writing task: `0` written to cgroup.procs means this one. */
  readonly self: Pid;
  /** find_task_by_vpid() in the writer's PID namespace; undefined for no such task. */
  readonly resolvePid: (nr: number) => Pid | undefined;
  /**
   * cgroup_procs_write_permission(): write access to cgroup.procs of the common ancestor of
   * source and destination, and (nsdelegate) both inside the writer's cgroup namespace. The
   * kernel layer owns credentials and namespaces, so it answers; undefined means allowed.
   */
  readonly mayMigrate?: (src: CgroupId, dst: CgroupId, pid: Pid) => Errno | undefined;
}

export interface WriteOk {
  readonly state: CgroupState;
  readonly effects: readonly CgroupEffect[];
}

export type WriteResult = Result<WriteOk, Errno>;

export type Writer = (state: CgroupState, id: CgroupId, text: string, ctx: WriteContext) => WriteResult;
