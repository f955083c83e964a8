// Door of src/runtime: other layers import only from here.
export type { ContainerLifecycleContext, ContainerLifecycleEvent } from "./container.machine";
export { containerMachine } from "./container.machine";
