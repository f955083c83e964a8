/**
 * The Docker Engine API's shapes (API 1.50) that cross /var/run/docker.sock: what the CLI sends
 * to create a container. Field names are the API's, so `docker inspect` can show them as is.
 */

export interface MountPoint {
  readonly Type: "bind" | "volume" | "tmpfs";
  readonly Source: string;
  readonly Target: string;
  readonly ReadOnly: boolean;
}

export interface ContainerCreate {
  readonly name: string | undefined;
  readonly Config: {
    readonly Image: string;
    readonly Cmd: readonly string[] | null;
    readonly Entrypoint: readonly string[] | null;
    readonly Env: readonly string[];
    readonly User: string;
    readonly WorkingDir: string;
    readonly Hostname: string;
    readonly Tty: boolean;
    readonly OpenStdin: boolean;
    readonly AttachStdin: boolean;
    readonly Labels: Readonly<Record<string, string>>;
  };
  readonly HostConfig: {
    readonly Binds: readonly string[];
    readonly Mounts: readonly MountPoint[];
    readonly PortBindings: Readonly<Record<string, readonly { HostIp: string; HostPort: string }[]>>;
    readonly NetworkMode: string;
    readonly PidMode: string;
    readonly IpcMode: string;
    readonly UTSMode: string;
    readonly UsernsMode: string;
    readonly CgroupnsMode: string;
    readonly AutoRemove: boolean;
    readonly Privileged: boolean;
    readonly CapAdd: readonly string[];
    readonly CapDrop: readonly string[];
    readonly SecurityOpt: readonly string[];
    readonly ReadonlyRootfs: boolean;
    readonly Tmpfs: Readonly<Record<string, string>>;
    readonly Devices: readonly { PathOnHost: string; PathInContainer: string; CgroupPermissions: string }[];
    readonly Memory: number;
    readonly MemorySwap: number;
    readonly MemoryReservation: number;
    readonly NanoCpus: number;
    readonly CpuShares: number;
    readonly CpuPeriod: number;
    readonly CpuQuota: number;
    readonly CpusetCpus: string;
    readonly PidsLimit: number | null;
    readonly Init: boolean | null;
  };
  /** -d: the CLI prints the ID and returns instead of attaching (not sent to the daemon). */
  readonly detach: boolean;
}

