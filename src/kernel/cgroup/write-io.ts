/**
 * Writers of the io, hugetlb, rdma and misc files (block/blk-throttle.c, block/blk-iocost.c,
 * mm/hugetlb_cgroup.c, kernel/cgroup/rdma.c, kernel/cgroup/misc.c).
 */
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { CgroupId } from "../ids";
import { kstrtou64, memparse, strstrip } from "./parse";
import { getCg, putCg } from "./tree";
import type { CgroupState, IoMax, IoState } from "./types";
import { MAX } from "./types";
import type { WriteResult, Writer } from "./write-types";

const done = (state: CgroupState): WriteResult => ok({ state, effects: [] });
const setIo = (state: CgroupState, id: CgroupId, io: IoState): CgroupState => putCg(state, { ...getCg(state, id), io });

/** blkg_conf_open_bdev(): `MAJ:MIN` of an existing block device (EINVAL / ENODEV). */
function device(state: CgroupState, tok: string | undefined): Errno | string {
  if (!tok || !/^\d+:\d+$/.test(tok)) return "EINVAL";
  return state.config.blockDevices.includes(tok) ? tok : "ENODEV";
}
const isErrno = (v: string): v is Errno => /^E[A-Z]+$/.test(v);

const NO_LIMIT: IoMax = { rbps: MAX, wbps: MAX, riops: MAX, wiops: MAX };

/** tg_set_limit(): `MAJ:MIN rbps=N wbps=max …`; a line of all `max` removes the device. */
function writeIoMax(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const [devTok, ...pairs] = strstrip(text).split(/\s+/);
  const dev = device(state, devTok);
  if (isErrno(dev)) return err(dev);
  const io = getCg(state, id).io;
  let lim: IoMax = io.max[dev] ?? NO_LIMIT;
  for (const pair of pairs) {
    const [key, val] = pair.split("=");
    if (key !== "rbps" && key !== "wbps" && key !== "riops" && key !== "wiops") return err("EINVAL");
    const v = val === "max" ? ok(MAX) : kstrtou64(val ?? "");
    if (!v.ok) return err("EINVAL");
    lim = { ...lim, [key]: v.value === 0 ? MAX : v.value };
  }
  const max = { ...io.max };
  if (Object.values(lim).every((v) => v === MAX)) delete max[dev];
  else max[dev] = lim;
  return done(setIo(state, id, { ...io, max }));
}

/** ioc_weight_write(): `N`, `default N`, `MAJ:MIN N` or `MAJ:MIN default`; N in 1 … 10000. */
function writeIoWeight(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const toks = strstrip(text).split(/\s+/);
  const io = getCg(state, id).io;
  const weightOf = (t: string | undefined): number | undefined => {
    const v = kstrtou64(t ?? "");
    return v.ok && v.value >= 1 && v.value <= 10000 ? v.value : undefined;
  };
  if (toks.length === 1 || toks[0] === "default") {
    const w = weightOf(toks.length === 1 ? toks[0] : toks[1]);
    return w === undefined ? err("EINVAL") : done(setIo(state, id, { ...io, weightDefault: w }));
  }
  const dev = device(state, toks[0]);
  if (isErrno(dev)) return err(dev);
  const weights = { ...io.weights };
  if (toks[1] === "default") delete weights[dev];
  else {
    const w = weightOf(toks[1]);
    if (w === undefined) return err("EINVAL");
    weights[dev] = w;
  }
  return done(setIo(state, id, { ...io, weights }));
}

/** io.prio.class policies (block/blk-ioprio.c). SIMPLIFICATION: accepted, not applied. */
const PRIO_CLASSES = ["no-change", "promote-to-rt", "restrict-to-be", "idle", "none-to-rt"];

/** SIMPLIFICATION: hugetlb limits are parsed and dropped: no huge pages are ever allocated. */
const writeHugetlbMax: Writer = (state, _id, text) => {
  const s = strstrip(text);
  return s === "max" || memparse(s).ok ? done(state) : err("EINVAL");
};

export const IO_WRITERS: Readonly<Record<string, Writer>> = {
  "io.max": writeIoMax,
  "io.weight": writeIoWeight,
  "io.prio.class": (state, _id, text) => (PRIO_CLASSES.includes(strstrip(text)) ? done(state) : err("EINVAL")),
  "io.latency": (state, _id, text) => { const d = device(state, strstrip(text).split(/\s+/)[0]); return isErrno(d) ? err(d) : done(state); },
  "io.cost.qos": (state, _id, text) => { const d = device(state, strstrip(text).split(/\s+/)[0]); return isErrno(d) ? err(d) : done(state); },
  "io.cost.model": (state, _id, text) => { const d = device(state, strstrip(text).split(/\s+/)[0]); return isErrno(d) ? err(d) : done(state); },
  /** The simulated host has no RDMA device: every device name is unknown. */
  "rdma.max": () => err("ENODEV"),
  /** No misc resource (SEV ASIDs, …) exists on the simulated host. */
  "misc.max": () => err("EINVAL"),
};

/** hugetlb.<size>.max and .rsvd.max are the writable hugetlb files. */
export function hugetlbWriter(name: string): Writer | undefined {
  return /^hugetlb\.[^.]+\.(rsvd\.)?max$/.test(name) ? writeHugetlbMax : undefined;
}
