/**
 * /proc/cpuinfo (`arch/x86/kernel/cpu/proc.c: show_cpuinfo()`): one block per online CPU.
 * The host is bare metal: `vmx` is in the flags (so KVM can run guests) with the separate
 * `vmx flags` line, and `hypervisor` is not. A guest kernel shows `hypervisor` and, without
 * nested virtualization, no `vmx` — guestCpuModel() derives that view for the hypervisor.
 */
import type { KernelState } from "../state";
import type { ProcView } from "./view";

export interface CpuModel {
  readonly vendor: string;
  readonly family: number;
  readonly model: number;
  readonly modelName: string;
  readonly stepping: number;
  readonly microcode: string;
  readonly mhz: string;
  readonly cacheKb: number;
  readonly cpuidLevel: number;
  readonly flags: readonly string[];
  /** The `vmx flags` line (absent when the CPU has no VMX). */
  readonly vmxFlags: readonly string[];
  readonly bugs: readonly string[];
  readonly bogomips: string;
  readonly addressSizes: string;
}

const FLAGS = ("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse " +
  "sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc art arch_perfmon pebs bts rep_good nopl xtopology " +
  "nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm " +
  "pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch " +
  "cpuid_fault epb pti ssbd ibrs ibpb stibp tpr_shadow flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 hle " +
  "avx2 smep bmi2 erms invpcid rtm mpx rdseed adx smap clflushopt intel_pt xsaveopt xsavec xgetbv1 xsaves dtherm " +
  "ida arat pln pts hwp hwp_notify hwp_act_window hwp_epp vnmi md_clear flush_l1d arch_capabilities").split(" ");

/** An Intel Core i5-7500 (Kaby Lake, 4 cores, no SMT): a typical small lab server. */
export const HOST_CPU: CpuModel = {
  vendor: "GenuineIntel", family: 6, model: 158, modelName: "Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",
  stepping: 9, microcode: "0xf8", mhz: "3400.000", cacheKb: 6144, cpuidLevel: 22, flags: FLAGS,
  vmxFlags: ("vnmi preemption_timer invvpid ept_x_only ept_ad ept_1gb flexpriority tsc_offset vtpr mtf vapic ept vpid " +
    "unrestricted_guest ple shadow_vmcs pml ept_mode_based_exec").split(" "),
  bugs: "cpu_meltdown spectre_v1 spectre_v2 spec_store_bypass l1tf mds swapgs taa itlb_multihit srbds mmio_stale_data retbleed gds bhi".split(" "),
  bogomips: "6799.81", addressSizes: "39 bits physical, 48 bits virtual",
};

/** What a KVM guest sees of the host CPU: the hypervisor bit set, VMX and its controls hidden. */
export function guestCpuModel(host: CpuModel): CpuModel {
  const hidden = new Set(["vmx", "smx", "est", "tm", "tm2", "acpi", "dts", "ht", "pbe", "monitor", "ds_cpl", "dtes64", "tpr_shadow", "flexpriority", "ept", "vpid", "ept_ad", "vnmi", "dtherm", "ida", "pln", "pts", "hwp", "hwp_notify", "hwp_act_window", "hwp_epp", "intel_pt", "epb", "aperfmperf"]);
  const flags = host.flags.filter((f) => !hidden.has(f));
  const at = flags.indexOf("rdrand");
  return { ...host, flags: [...flags.slice(0, at + 1), "hypervisor", ...flags.slice(at + 1)], vmxFlags: [] };
}

function block(m: CpuModel, cpu: number, cpus: number): string {
  const rows: [string, string | number][] = [
    ["processor", cpu], ["vendor_id", m.vendor], ["cpu family", m.family], ["model", m.model], ["model name", m.modelName],
    ["stepping", m.stepping], ["microcode", m.microcode], ["cpu MHz", m.mhz], ["cache size", `${m.cacheKb} KB`],
    ["physical id", 0], ["siblings", cpus], ["core id", cpu], ["cpu cores", cpus], ["apicid", cpu * 2],
    ["initial apicid", cpu * 2], ["fpu", "yes"], ["fpu_exception", "yes"], ["cpuid level", m.cpuidLevel], ["wp", "yes"],
    ["flags", m.flags.join(" ")], ...(m.vmxFlags.length ? [["vmx flags", m.vmxFlags.join(" ")] as [string, string]] : []),
    ["bugs", m.bugs.join(" ")], ["bogomips", m.bogomips], ["clflush size", 64], ["cache_alignment", 64],
    ["address sizes", m.addressSizes],
  ];
  // Labels are tab-padded to two tab stops ("model\t\t: ", "cpu family\t: ").
  const text = rows.map(([k, v]) => `${k}${k.length < 8 ? "\t\t" : "\t"}: ${v}\n`).join("");
  return `${text}power management:\n\n`;
}

/** The cpuinfo of `config.cpus` identical cores; `model` lets a guest kernel show its vCPU. */
export function renderCpuinfo(state: KernelState, _view: ProcView, model: CpuModel = HOST_CPU): string {
  return Array.from({ length: state.config.cpus }, (_, cpu) => block(model, cpu, state.config.cpus)).join("");
}
