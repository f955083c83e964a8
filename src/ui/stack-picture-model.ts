/**
 * The data behind the home page picture: a container host and a VM host drawn as stacks of
 * layers, top to bottom. The text equivalent for screen readers is derived from the same data,
 * so the picture and its description cannot drift apart.
 */
export type LayerKind = "app" | "libs" | "runtime" | "guest-kernel" | "shared-kernel" | "hypervisor" | "hardware";

export interface StackLayer {
  readonly id: string;
  readonly label: string;
  readonly kind: LayerKind;
}

/** One isolated unit: a container or a virtual machine, with the layers it carries itself. */
export interface StackGuest {
  readonly id: string;
  readonly label: string;
  readonly layers: readonly StackLayer[];
}

export interface StackModel {
  readonly id: "containers" | "vms";
  readonly title: string;
  /** One guest, in words: "container". */
  readonly singular: string;
  readonly guests: readonly StackGuest[];
  /** Layers shared by every guest, top to bottom. */
  readonly base: readonly StackLayer[];
}

const layer = (id: string, label: string, kind: LayerKind): StackLayer => ({ id, label, kind });

const containerGuest = (n: number): StackGuest => ({
  id: `container-${n}`,
  label: `Container ${n}`,
  layers: [layer(`c${n}-app`, "App", "app"), layer(`c${n}-libs`, "Libraries", "libs")],
});

const vmGuest = (n: number): StackGuest => ({
  id: `vm-${n}`,
  label: `VM ${n}`,
  layers: [
    layer(`v${n}-app`, "App", "app"),
    layer(`v${n}-libs`, "Libraries", "libs"),
    layer(`v${n}-kernel`, "Guest kernel", "guest-kernel"),
  ],
});

export const STACKS: readonly StackModel[] = [
  {
    id: "containers",
    title: "Containers",
    singular: "container",
    guests: [containerGuest(1), containerGuest(2)],
    base: [
      layer("runtime", "Container runtime", "runtime"),
      layer("host-kernel", "Shared host kernel", "shared-kernel"),
      layer("c-hardware", "Hardware", "hardware"),
    ],
  },
  {
    id: "vms",
    title: "Virtual machines",
    singular: "virtual machine",
    guests: [vmGuest(1), vmGuest(2)],
    base: [layer("hypervisor", "Hypervisor", "hypervisor"), layer("v-hardware", "Hardware", "hardware")],
  },
];

/** "a, b and c" */
function listOf(items: readonly string[]): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * One sentence per stack, e.g. "Containers, top to bottom: app, libraries, … . Each container has
 * its own app and libraries; all 2 share the container runtime, …".
 */
export function describeStack(stack: StackModel): string {
  const own = (stack.guests[0]?.layers ?? []).map((l) => l.label.toLowerCase());
  const shared = stack.base.map((l) => l.label.toLowerCase());
  const count = stack.guests.length === 2 ? "both" : `all ${stack.guests.length}`;
  return (
    `${stack.title}, top to bottom: ${[...own, ...shared].join(", ")}. ` +
    `Each ${stack.singular} has its own ${listOf(own)}; ${count} share the ${listOf(shared)}.`
  );
}

/**
 * When each part appears, in seconds. The picture builds from the hardware up, as a machine
 * boots: first each side's shared layers, then the guests drop onto them, and last the shared
 * kernel lights up. Whole groups move together, so the browser starts few animations and runs
 * them on the compositor.
 */
export const BASE_DELAY = 0.1;
export const GUESTS_DELAY = 0.55;
export const HIGHLIGHT_DELAY = 1.1;
/** How long a group takes to slide in, and the glow to light up. */
export const REVEAL_SECONDS = 0.55;
export const HIGHLIGHT_SECONDS = 0.7;
/** The easing of every reveal: a quick start that settles softly. */
export const REVEAL_EASE = [0.22, 1, 0.36, 1] as const;
