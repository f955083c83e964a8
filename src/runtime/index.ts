// Door of src/runtime: other layers import only from here.
export type { ContainerLifecycleContext, ContainerLifecycleEvent } from "./container.machine";
export { containerMachine } from "./container.machine";
export type { DockerResources, LinuxResources } from "./docker-resources";
export {
  LINUX_MIN_MEMORY, blkioToIoWeight, cpuSharesToWeight, cpuSharesToWeightLinear, dockerResourcesToV2, dockerToLinuxResources,
  linuxResourcesToV2, memorySwapToV2,
} from "./docker-resources";
