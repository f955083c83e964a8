/** Reading and replacing superblocks and their inode tables inside the kernel state. */
import type { KernelState } from "../state";
import type { InodeStore, SbId, SuperBlock } from "./types";

export function getSb(state: KernelState, id: SbId): SuperBlock {
  const sb = state.vfs.supers.get(id);
  if (!sb) throw new Error(`kernel invariant: no superblock ${id}`);
  return sb;
}

export function storeOf(state: KernelState, id: SbId): InodeStore {
  const sb = getSb(state, id);
  if (sb.backing.kind !== "store") throw new Error(`kernel invariant: superblock ${id} (${sb.fstype}) stores no inodes`);
  return sb.backing.store;
}

export const putSb = (state: KernelState, sb: SuperBlock): KernelState => ({
  ...state, vfs: { ...state.vfs, supers: state.vfs.supers.set(sb.id, sb) },
});

export function putStore(state: KernelState, id: SbId, store: InodeStore): KernelState {
  return putSb(state, { ...getSb(state, id), backing: { kind: "store", store } });
}

export function updateStore(state: KernelState, id: SbId, fn: (s: InodeStore) => InodeStore): KernelState {
  return putStore(state, id, fn(storeOf(state, id)));
}
