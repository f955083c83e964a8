// The pure text forms, checked against the reference transcripts: libsmartcols tables (lsns,
// findmnt, lsblk), libcap's cap_to_text()/--decode, libmount's option merge and map.
import { describe, expect, it } from "vitest";
import { ALL_CAPS, EMPTY_CAPS, capSetOf, parseCapHex } from "../../../kernel/index.ts";
import type { CapSet } from "../../../kernel/index.ts";
import { capFromText, capToText, decodeHex, iabText } from "./caps";
import { humanSize } from "./lsblk";
import { mergedOptions, parseMountinfo, sourceWithRoot } from "./mountinfo";
import { parseOptions, splitOptions } from "./mount-opts";
import { renderTable } from "./scols";
import { MS_BIND, MS_NOSUID, MS_PRIVATE, MS_RDONLY, MS_REC, MS_REMOUNT } from "./flags";

const LSNS = [
  { name: "NS", hint: 10, right: true }, { name: "TYPE", hint: 5 }, { name: "NPROCS", hint: 5, right: true },
  { name: "PID", hint: 5, right: true }, { name: "USER", hint: 0 }, { name: "COMMAND", hint: 0, tree: true },
];

describe("libsmartcols tables", () => {
  it("lays out `lsns -t pid` as util-linux does (transcript 04)", () => {
    const text = renderTable(LSNS, [
      { cells: ["4026531836", "pid", "81", "2", "root", "kthreadd"] },
      { cells: ["4026532178", "pid", "1", "6513", "root", "unshare --pid --fork --mount-proc sh -c sleep 60"] },
      { cells: ["4026532180", "pid", "2", "6514", "root", "sh -c sleep 60"], parent: 1 },
    ]);
    expect(text).toBe(
      "        NS TYPE NPROCS   PID USER COMMAND\n" +
      "4026531836 pid      81     2 root kthreadd\n" +
      "4026532178 pid       1  6513 root unshare --pid --fork --mount-proc sh -c sleep 60\n" +
      "4026532180 pid       2  6514 root └─sh -c sleep 60\n");
  });

  it("widens TYPE to its hint for `user` and PID only when the data reaches the header (linux-facts §1, §6)", () => {
    const all = renderTable(LSNS, [
      { cells: ["4026531832", "mnt", "80", "2", "root", "kthreadd"] },
      { cells: ["4026531835", "cgroup", "81", "2", "root", "kthreadd"] },
      { cells: ["4026531860", "mnt", "1", "25", "root", "kdevtmpfs"], parent: 1 },
    ]);
    expect(all.split("\n")[0]).toBe("        NS TYPE   NPROCS PID USER COMMAND");
    expect(all.split("\n")[3]).toBe("4026531860 mnt         1  25 root └─kdevtmpfs");
    const user = renderTable(LSNS, [{ cells: ["4026532180", "user", "1", "2809", "100000", "sleep 30"] }]);
    expect(user).toBe("        NS TYPE  NPROCS   PID USER   COMMAND\n4026532180 user       1  2809 100000 sleep 30\n");
  });

  it("draws nested trees and multi-line cells (lsblk MOUNTPOINTS)", () => {
    const cols = [{ name: "NAME", hint: 0.25, tree: true }, { name: "RO", hint: 1, right: true }, { name: "MOUNTPOINTS", hint: 0.1 }];
    expect(renderTable(cols, [
      { cells: ["vda", "0", "/etc/resolv.conf\n/etc/hosts"] }, { cells: ["vda1", "0", ""], parent: 0 },
      { cells: ["vda1a", "0", "/"], parent: 1 }, { cells: ["vda2", "1", ""], parent: 0 },
    ])).toBe(
      "NAME      RO MOUNTPOINTS\nvda        0 /etc/resolv.conf\n             /etc/hosts\n├─vda1     0 \n│ └─vda1a  0 /\n└─vda2     1 \n");
    expect(renderTable(cols, [{ cells: ["a b", "0", "x"] }], { raw: true, noHeadings: true })).toBe("a\\x20b 0 x\n");
  });
});

describe("libcap text", () => {
  it("decodes masks as capsh --decode does (transcript 25)", () => {
    expect(decodeHex("00000000a80425fb")).toBe("0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap");
    expect(decodeHex("0x00000000800405fb")).toBe("0x00000000800405fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_sys_chroot,cap_setfcap");
    expect(decodeHex("0000003fffffffff").endsWith(",cap_block_suspend,cap_audit_read")).toBe(true);
    expect(decodeHex("fff8000000000000")).toBe("0xfff8000000000000=51,52,53,54,55,56,57,58,59,60,61,62,63");
    expect(decodeHex("1ffff8000000000000")).toMatch(/^0xffffffffffffffff=cap_chown,.*,cap_checkpoint_restore,41,42,.*,63$/);
    expect(decodeHex("zz")).toBe("0x0000000000000000=");
  });

  it("writes cap_to_text() forms as recorded: =ep, =ep cap_x-ep, names=ep, =", () => {
    const full = { effective: ALL_CAPS, permitted: ALL_CAPS, inheritable: EMPTY_CAPS };
    expect(capToText(full)).toBe("=ep");
    const noRes = parseCapHex("000001fffeffffff")!;
    expect(capToText({ effective: noRes, permitted: noRes, inheritable: EMPTY_CAPS })).toBe("=ep cap_sys_resource-ep");
    const docker = parseCapHex("00000000a80425fb")!;
    expect(capToText({ effective: docker, permitted: docker, inheritable: EMPTY_CAPS })).toBe(
      "cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap=ep");
    expect(capToText({ effective: EMPTY_CAPS, permitted: EMPTY_CAPS, inheritable: EMPTY_CAPS })).toBe("=");
    const raw = capSetOf(["CAP_NET_RAW"]);
    expect(capToText({ effective: raw, permitted: capSetOf(["CAP_NET_RAW", "CAP_CHOWN"]), inheritable: EMPTY_CAPS })).toBe("cap_net_raw=ep cap_chown+p");
  });

  it("reads cap_from_text() clauses and writes IAB tuples", () => {
    const t = capFromText("cap_net_raw+ep cap_chown=p")!;
    expect(capToText(t)).toBe("cap_net_raw=ep cap_chown+p");
    expect(capToText(capFromText("=ep cap_sys_admin-e")!)).toBe("=ep cap_sys_admin-e");
    expect(capFromText("cap_nope+e")).toBeUndefined();
    const bounding = parseCapHex("00000000a80425fb")! as CapSet;
    expect(iabText({ inheritable: capSetOf(["CAP_CHOWN", "CAP_SYS_ADMIN"]), permitted: EMPTY_CAPS, effective: EMPTY_CAPS, bounding, ambient: capSetOf(["CAP_CHOWN"]) }))
      .toBe("^cap_chown,!cap_dac_read_search,!cap_linux_immutable,!cap_net_broadcast,!cap_net_admin,!cap_ipc_lock,!cap_ipc_owner,!cap_sys_module,!cap_sys_rawio,!cap_sys_ptrace,!cap_sys_pacct,!%cap_sys_admin,!cap_sys_boot,!cap_sys_nice,!cap_sys_resource,!cap_sys_time,!cap_sys_tty_config,!cap_lease,!cap_audit_control,!cap_mac_override,!cap_mac_admin,!cap_syslog,!cap_wake_alarm,!cap_block_suspend,!cap_audit_read,!cap_perfmon,!cap_bpf,!cap_checkpoint_restore");
  });
});

describe("libmount", () => {
  const info = parseMountinfo(
    "86 70 254:0 / /host rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534\n" +
    "90 86 254:0 /var/lib /mnt/with\\040space ro,nosuid,relatime shared:4 master:1 - ext4 /dev/vda rw,discard\n" +
    "22 27 0:21 / /proc rw,relatime - proc proc rw\n");

  it("parses mountinfo and merges options as findmnt and mount show them", () => {
    expect(info.map(mergedOptions)).toEqual([
      "rw,relatime,discard,resv_strict,resuid=65534,resgid=65534", "ro,nosuid,relatime,discard", "rw,relatime",
    ]);
    expect(info[1]!.target).toBe("/mnt/with space");
    expect(info[1]!.optional).toEqual(["shared:4", "master:1"]);
    expect(sourceWithRoot(info[1]!)).toBe("/dev/vda[/var/lib]");
  });

  it("folds -o words into mount(2) flags and the filesystem's data", () => {
    expect(parseOptions(splitOptions("bind,ro,nosuid,x-gvfs-show,defaults"))).toEqual({ flags: MS_BIND | MS_RDONLY | MS_NOSUID, data: null, rwGiven: true });
    expect(parseOptions(splitOptions('remount,size=1m,context="a,b",rw'), MS_RDONLY)).toEqual({ flags: MS_REMOUNT, data: 'size=1m,context="a,b"', rwGiven: true });
    expect(parseOptions(["rprivate"]).flags).toBe(MS_PRIVATE | MS_REC);
  });

  it("prints lsblk sizes in short binary units", () => {
    expect([humanSize(42949672960), humanSize(42948624384), humanSize(1572864), humanSize(0), humanSize(512 * 1000)]).toEqual(["40G", "40G", "1.5M", "0B", "500K"]);
  });
});
