/**
 * A small host for tests and examples: the Ubuntu layout with a few processes, and one Docker
 * container scope. Pids are global; a context resolves pid numbers to themselves.
 */
import type { CgroupId, Pid } from "../ids";
import { pid } from "../ids";
import { UBUNTU_SUBTREE_CONTROL, buildHostCgroups, dockerScopePath } from "./host-layout";
import { attachTask } from "./membership";
import { mkdirPath } from "./mkdir-rmdir";
import type { CgroupState } from "./types";
import type { WriteContext } from "./write-types";
import { readFile, writeFile } from "./files";

export const CONTAINER_ID = "fe08f8655cfd4db289e641ace696b28aec84b02ee8c104346d975682a53b5983";
export const SHELL: Pid = pid(1000);

/** kthreadd (2) in the root, systemd (1) in init.scope, dockerd, containerd, sshd, the login bash. */
export function hostState(): CgroupState {
  return buildHostCgroups({
    cpus: 4,
    subtreeControl: UBUNTU_SUBTREE_CONTROL,
    rootPids: [pid(2)],
    units: [
      { path: "/init.scope", pids: [pid(1)] },
      { path: "/system.slice/containerd.service", pids: [pid(400)] },
      { path: "/system.slice/docker.service", pids: [pid(500)] },
      { path: "/system.slice/ssh.service", pids: [pid(600)] },
      { path: "/user.slice/user-0.slice/session-1.scope", pids: [pid(999), SHELL] },
    ],
  });
}

/** The host plus a container scope holding `pids`. */
export function withContainer(state: CgroupState, pids: readonly Pid[]): { state: CgroupState; ctr: CgroupId } {
  const made = mkdirPath(state, dockerScopePath(CONTAINER_ID));
  let next = made.state;
  for (const p of pids) next = attachTask(next, p, made.id);
  return { state: next, ctr: made.id };
}

/** The writer is the login shell; pid numbers are global. */
export const rootCtx = (self: Pid = SHELL): WriteContext => ({ self, resolvePid: (n) => pid(n) });

/** Reads an interface file that must be readable. */
export function readCg(s: CgroupState, id: CgroupId, f: string): string {
  const r = readFile(s, id, f);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Writes an interface file as root; the write must succeed. */
export function writeCg(s: CgroupState, id: CgroupId, f: string, v: string): CgroupState {
  const r = writeFile(s, id, f, v, rootCtx());
  if (!r.ok) throw new Error(`${f}: ${r.error}`);
  return r.value.state;
}
