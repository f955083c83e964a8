/**
 * The file creation mask. SIMPLIFICATION: tasks have no umask field yet; src/kernel/procfs
 * derives one (0022, or 0000 for init and kernel threads) and the VFS uses the same.
 */
import { umaskOf } from "../procfs/task-traits";
import type { Task } from "../task/task";

export const procfsUmask = (task: Task): number => umaskOf(task);
