/**
 * The live world's kernel as an XState actor (DESIGN.md contract 6). The context holds the
 * kernel state, the event log that reproduces it and a bounded undo history; container and VM
 * lifecycle machines are spawned as children from logic the runtime and hypervisor provide.
 */
import type { AnyActorLogic } from "xstate";
import { assign, setup, spawnChild } from "xstate";
import type { KernelState } from "../state";
import type { SyscallOutcome } from "../syscalls/outcome";
import type { KernelEvent } from "./world-event";
import { applyEvent } from "./world-event";

/** How many earlier states undo keeps (each shares most of its data with the next). */
export const UNDO_DEPTH = 200;

export interface KernelContext {
  readonly initial: KernelState;
  readonly kernel: KernelState;
  readonly log: readonly KernelEvent[];
  readonly past: readonly KernelState[];
  readonly last: SyscallOutcome | null;
}

export type KernelMachineEvent =
  | KernelEvent
  | { readonly type: "history.undo" }
  | { readonly type: "world.reset"; readonly kernel: KernelState }
  | { readonly type: "lifecycle.spawn"; readonly kind: "container" | "vm"; readonly id: string; readonly input: unknown };

type SpawnEvent = Extract<KernelMachineEvent, { type: "lifecycle.spawn" }>;
const spawnOf = (event: KernelMachineEvent): SpawnEvent => event as SpawnEvent;

export const kernelMachine = setup({
  types: {
    context: {} as KernelContext,
    events: {} as KernelMachineEvent,
    input: {} as { readonly kernel: KernelState },
  },
  actors: {
    // Supplied by the runtime and hypervisor layers with .provide(); each child is a lifecycle.
    container: {} as AnyActorLogic,
    vm: {} as AnyActorLogic,
  },
  actions: {
    applyKernelEvent: assign(({ context, event }) => {
      const e = event as KernelEvent;
      const applied = applyEvent(context.kernel, e);
      return {
        kernel: applied.state,
        log: [...context.log, e],
        past: [...context.past.slice(-(UNDO_DEPTH - 1)), context.kernel],
        last: applied.outcome ?? context.last,
      };
    }),
    undo: assign(({ context }) => {
      const previous = context.past[context.past.length - 1];
      if (!previous) return {};
      return { kernel: previous, past: context.past.slice(0, -1), log: context.log.slice(0, -1), last: null };
    }),
    reset: assign(({ event }) => {
      const { kernel } = event as Extract<KernelMachineEvent, { type: "world.reset" }>;
      return { initial: kernel, kernel, log: [], past: [], last: null };
    }),
  },
  guards: {
    canUndo: ({ context }) => context.past.length > 0,
    isContainerSpawn: ({ event }) => event.type === "lifecycle.spawn" && event.kind === "container",
  },
}).createMachine({
  id: "kernel",
  context: ({ input }) => ({ initial: input.kernel, kernel: input.kernel, log: [], past: [], last: null }),
  initial: "running",
  states: {
    running: {
      on: {
        "syscall.run": { actions: "applyKernelEvent" },
        "time.advance": { actions: "applyKernelEvent" },
        "task.fault": { actions: "applyKernelEvent" },
        "history.undo": { guard: "canUndo", actions: "undo" },
        "world.reset": { actions: "reset" },
        "lifecycle.spawn": [
          { guard: "isContainerSpawn", actions: spawnChild("container", { id: ({ event }) => spawnOf(event).id, input: ({ event }: { event: KernelMachineEvent }) => spawnOf(event).input }) },
          { actions: spawnChild("vm", { id: ({ event }) => spawnOf(event).id, input: ({ event }: { event: KernelMachineEvent }) => spawnOf(event).input }) },
        ],
      },
    },
  },
});
