/**
 * The vocabulary of escape scenarios: the defenses a learner can switch on, and the layers that
 * deny an attack (the legend of the fact sheet's escape matrix: CAP, SECCOMP, AA, SEL, USERNS,
 * DEV, RO, MASK, plus resource limits, the Docker daemon's own refusals and the hypervisor).
 * Scenarios name them; the simulator applies each defense by name and names the denying layer
 * from its syscall traces, so content and traces can be compared.
 */
export const DEFENSES = {
  "no-privileged": "Run the container without --privileged (Docker's default capabilities, seccomp, AppArmor and devices).",
  "cap-drop": "Drop capabilities the workload does not need (--cap-drop ALL, no --cap-add).",
  "seccomp-default": "Keep Docker's default seccomp profile (no --security-opt seccomp=unconfined).",
  "apparmor-default": "Keep the docker-default AppArmor profile (no --security-opt apparmor=unconfined).",
  "selinux-enforcing": "SELinux enforcing, the container labelled container_t with its own MCS categories.",
  "userns-remap": "Start dockerd with --userns-remap=default, so container root is an unprivileged host uid.",
  "no-docker-socket": "Do not mount /var/run/docker.sock into the container.",
  "no-host-pid": "Do not share the host's PID namespace (no --pid=host).",
  "read-only-mount": "Do not bind-mount host paths, or mount them read-only (:ro).",
  "resource-limits": "Set cgroup limits: --memory, --pids-limit, --cpus.",
  "patched-software": "Run a kernel and container runtime with the fix for the exploited bug.",
  "virtual-machine": "Run the workload in a virtual machine with its own kernel instead of a container.",
  "signed-images": "Pull only images whose signature or digest is verified.",
} as const;

export type DefenseName = keyof typeof DEFENSES;
export const DEFENSE_NAMES = Object.keys(DEFENSES) as [DefenseName, ...DefenseName[]];

export const BLOCKING_LAYERS = [
  "capabilities",
  "seccomp",
  "apparmor",
  "selinux",
  "user-namespace",
  "devices-cgroup",
  "read-only-paths",
  "masked-paths",
  "cgroup-limits",
  "docker-daemon",
  "hypervisor",
  "image-verification",
] as const;

export type BlockingLayer = (typeof BLOCKING_LAYERS)[number];
