/**
 * A container's lifecycle as Docker reports it (`docker ps` STATUS, `docker inspect`
 * .State.Status): created → running ⇄ paused → exited, with restarts, removal, and the
 * OOM-killed exit (exit code 137, .State.OOMKilled true). The engine sends these events
 * from what the kernel did to the container's init process.
 */
import { assign, setup } from "xstate";

export interface ContainerLifecycleContext {
  readonly id: string;
  readonly exitCode: number | null;
  readonly oomKilled: boolean;
  readonly restarts: number;
}

export type ContainerLifecycleEvent =
  | { readonly type: "container.start" }
  | { readonly type: "container.pause" }
  | { readonly type: "container.unpause" }
  | { readonly type: "container.exit"; readonly code: number }
  | { readonly type: "container.oom" }
  | { readonly type: "container.remove" };

export const containerMachine = setup({
  types: {
    context: {} as ContainerLifecycleContext,
    events: {} as ContainerLifecycleEvent,
    input: {} as { readonly id: string },
  },
  actions: {
    recordExit: assign({
      exitCode: ({ event }) => (event.type === "container.exit" ? event.code : 137),
      oomKilled: ({ event }) => event.type === "container.oom",
    }),
    countStart: assign({
      restarts: ({ context }) => (context.exitCode === null ? context.restarts : context.restarts + 1),
      exitCode: () => null,
      oomKilled: () => false,
    }),
  },
}).createMachine({
  id: "container",
  context: ({ input }) => ({ id: input.id, exitCode: null, oomKilled: false, restarts: 0 }),
  initial: "created",
  states: {
    created: {
      on: { "container.start": { target: "running", actions: "countStart" }, "container.remove": "removed" },
    },
    running: {
      on: {
        "container.pause": "paused",
        "container.exit": { target: "exited", actions: "recordExit" },
        "container.oom": { target: "exited", actions: "recordExit" },
      },
    },
    paused: {
      on: {
        "container.unpause": "running",
        // `docker kill` of a paused container still ends it (the cgroup is thawed first).
        "container.exit": { target: "exited", actions: "recordExit" },
      },
    },
    exited: {
      on: { "container.start": { target: "running", actions: "countStart" }, "container.remove": "removed" },
    },
    removed: { type: "final" },
  },
});
