// Door of src/runtime: other layers import only from here.
export type { ContainerLifecycleContext, ContainerLifecycleEvent } from "./container.machine";
export { containerMachine } from "./container.machine";
export type { DockerResources, LinuxResources } from "./docker-resources";
export {
  LINUX_MIN_MEMORY, blkioToIoWeight, cpuSharesToWeight, cpuSharesToWeightLinear, dockerResourcesToV2, dockerToLinuxResources,
  linuxResourcesToV2, memorySwapToV2,
} from "./docker-resources";
export type { ContainerCreate, MountPoint } from "./engine-api";
export type { ImageConfig, NsKind, OciMount, OciNamespace, OciSpec, SpecContext } from "./oci-spec";
export { DEFAULT_CAPS, MASKED_PATHS, READONLY_PATHS, buildSpec, tweakCapabilities } from "./oci-spec";
