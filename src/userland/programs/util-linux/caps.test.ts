// capsh, getpcaps and setpriv on a fresh simulated Ubuntu host, compared with the reference
// transcripts (05, 25) and linux-facts §1 and §7 (the host's and a default container's capsh --print).
import { describe, expect, it } from "vitest";
import { runHeadless } from "../../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};
const AS_USER = "setpriv --reuid=1000 --regid=1000 --clear-groups";
const ALL = "cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend,cap_audit_read,cap_perfmon,cap_bpf,cap_checkpoint_restore";
const DOCKER = "cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap";
const DECODED = [
  "0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap",
  "0x00000000a82425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_sys_admin,cap_mknod,cap_audit_write,cap_setfcap",
  "0x00000000a80c25fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_sys_ptrace,cap_mknod,cap_audit_write,cap_setfcap",
  "0x00000000a80425fa=cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap",
  "0x0000003fffffffff=cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend,cap_audit_read",
  "0x000000ffffffffff=cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend,cap_audit_read,cap_perfmon,cap_bpf",
  "0x000001ffffffffff=cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend,cap_audit_read,cap_perfmon,cap_bpf,cap_checkpoint_restore",
  "0x000001fffeffffff=cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend,cap_audit_read,cap_perfmon,cap_bpf,cap_checkpoint_restore",
  "0x00000000800405fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_sys_chroot,cap_setfcap",
];
const TAIL = "Securebits: 00/0x0/1'b0 (no-new-privs=0)\n secure-noroot: no (unlocked)\n secure-no-suid-fixup: no (unlocked)\n secure-keep-caps: no (unlocked)\n secure-no-ambient-raise: no (unlocked)\n";
const ROOT_IDS = "uid=0(root) euid=0(root)\ngid=0(root)\ngroups=\nGuessed mode: HYBRID (4)\n";

describe("capsh", () => {
  it("prints a user namespace's root exactly as recorded (transcript 05)", () => {
    const r = run("unshare --user --map-root-user capsh --print");
    expect(r).toEqual({ out: `Current: =ep\nBounding set =${ALL}\nAmbient set =\nCurrent IAB: \n${TAIL}${ROOT_IDS}`, err: "", status: 0 });
  });

  it("prints a dropped bounding capability and a default container's set as recorded (linux-facts §1, §7)", () => {
    const r = run("capsh --drop=cap_sys_resource -- -c 'capsh --print'; " +
      "setpriv --bounding-set -all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap capsh --print");
    const noResource = ALL.replace(",cap_sys_resource", "");
    const notDocker = ALL.split(",").filter((c) => !DOCKER.split(",").includes(c)).map((c) => `!${c}`).join(",");
    expect(r.out).toBe(`Current: =ep cap_sys_resource-ep\nBounding set =${noResource}\nAmbient set =\nCurrent IAB: !cap_sys_resource\n${TAIL}${ROOT_IDS}` +
      `Current: ${DOCKER}=ep\nBounding set =${DOCKER}\nAmbient set =\nCurrent IAB: ${notDocker}\n${TAIL}${ROOT_IDS}`);
  });

  it("decodes every mask of transcript 25 byte for byte", () => {
    const masks = DECODED.map((l) => l.slice(2, 18));
    expect(run(masks.map((m) => `capsh --decode=${m}`).join("; ")).out).toBe(`${DECODED.join("\n")}\n`);
  });

  it("changes capabilities and ids, and checks them", () => {
    const r = run("capsh --caps='cap_net_raw+ep cap_chown+p' --current; capsh --inh=cap_net_raw --addamb=cap_net_raw --current; " +
      "capsh --user=ubuntu -- -c id; capsh --has-p=cap_sys_admin --is-uid=0 && echo has-it; capsh --keep=1 --secbits=0x2f --print | tail -6 | head -2; " +
      `${AS_USER} capsh --print | head -1; ${AS_USER} capsh --print | tail -4 | head -2; capsh --no-new-privs --has-no-new-privs && echo nnp`);
    expect(r.out).toBe("Current: cap_net_raw=ep cap_chown+p\nCurrent IAB: \nCurrent: =ep cap_net_raw+i\nCurrent IAB: ^cap_net_raw\n" +
      "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),100(users),988(libvirt)\nhas-it\n" +
      " secure-keep-caps: no (locked)\n secure-no-ambient-raise: no (unlocked)\nCurrent: =\nuid=1000(ubuntu) euid=1000(ubuntu)\ngid=1000(ubuntu)\nnnp\n");
    expect(r.err).toBe("");
  });

  it("fails in libcap's words", () => {
    const r = run(`capsh --drop=cap_foo; echo st=$?; ${AS_USER} capsh --has-p=cap_net_raw; capsh --is-uid=5; capsh --has-a=nope; ` +
      `${AS_USER} capsh --drop=cap_chown; capsh --uid=x; capsh --bogus | head -1; echo st=$?; mkdir /tmp/e; capsh --chroot=/tmp/e -- -c true; echo st=$?`);
    expect(r.out).toBe("st=1\nusage: capsh [args ...]\nst=0\nst=1\n");
    expect(r.err).toBe("capability [cap_foo] is unknown to libcap\ncap[cap_net_raw] not permitted\nuid: got=0, want=5\ncap[nope] not recognized by library\n" +
      "unable to raise CAP_SETPCAP for BSET changes: Operation not permitted\ninvalid --uid value: want non-negative integer, got \"x\"\nexecve '/bin/bash' failed!\n");
  });
});

describe("getpcaps", () => {
  it("prints each process's capabilities in cap_to_text() form", () => {
    const r = run(`getpcaps 1; getpcaps --verbose 1; getpcaps --iab 1; ${AS_USER} sleep 5 & sleep 1; getpcaps $!; getpcaps $! 99999 abc; echo st=$?; getpcaps; echo st=$?`);
    expect(r.out.split("\n").slice(0, 3)).toEqual(["1: =ep", "Capabilities for '1': =ep", "1 iab: "]);
    expect(r.out).toMatch(/\n\d+: =\nst=1\nst=1\n$/);
    expect(r.err).toMatch(/^(isolab: .*\n)?Failed to get cap for pid 99999: No such process\nCannot parse pid abc \(Invalid argument\)\nusage: getcaps \[opts\] <pid> \[<pid> \.\.\.\]\n/);
  });
});

describe("setpriv", () => {
  it("dumps the state (-d, -dd)", () => {
    const r = run("setpriv -d; setpriv -dd | head -8 | tail -2");
    expect(r.out.startsWith("uid: 0\neuid: 0\ngid: 0\negid: 0\nSupplementary groups: [none]\nno_new_privs: 0\nInheritable capabilities: [none]\n" +
      `Ambient capabilities: [none]\nCapability bounding set: ${ALL.replace(/cap_/g, "")}\nSecurebits: [none]\nParent death signal: [none]\n`)).toBe(true);
    expect(r.out.split("\n").slice(-3)).toEqual([`Effective capabilities: ${ALL.replace(/cap_/g, "")}`, `Permitted capabilities: ${ALL.replace(/cap_/g, "")}`, ""]);
  });

  it("drops to a user, sets groups, no_new_privs and capability sets", () => {
    const r = run(`${AS_USER} id; setpriv --reuid=ubuntu --regid=ubuntu --init-groups id; ${AS_USER} setpriv -dd | head -10 | tail -4; ` +
      "setpriv --nnp setpriv -d | head -6 | tail -1; setpriv --bounding-set -all setpriv -d | head -9 | tail -1; setpriv --inh-caps +net_raw,+sys_admin setpriv -d | head -7 | tail -1");
    expect(r.out).toBe("uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)\n" +
      "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),100(users),988(libvirt)\n" +
      "Effective capabilities: [none]\nPermitted capabilities: [none]\nInheritable capabilities: [none]\nAmbient capabilities: [none]\n" +
      "no_new_privs: 1\nCapability bounding set: [none]\nInheritable capabilities: net_raw,sys_admin\n");
  });

  it("refuses bad combinations and reports failed changes", () => {
    const r = run("setpriv; setpriv --clear-groups --keep-groups id; setpriv --regid=1000 id; setpriv --init-groups id; setpriv --reuid=nosuchuser id; " +
      `setpriv --ruid=1 --reuid=2 id; setpriv -d --nnp; setpriv --inh-caps net_raw id; setpriv --bounding-set -foo id; echo st=$?; ${AS_USER} setpriv --bounding-set -all id; echo st=$?; setpriv nosuch; echo st=$?`);
    expect(r.out).toBe("st=1\nst=127\nst=127\n");
    expect(r.err).toBe("setpriv: No program specified\nsetpriv: mutually exclusive arguments: --clear-groups --keep-groups --init-groups --groups\n" +
      "setpriv: --[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups\nsetpriv: --init-groups requires --ruid or --reuid\n" +
      "setpriv: failed to parse ruid: 'nosuchuser'\nsetpriv: duplicate ruid or euid\nsetpriv: --dump is incompatible with all other options\n" +
      "setpriv: bad capability string\nsetpriv: unknown capability \"foo\"\nsetpriv: apply bounding set: Operation not permitted\n" +
      "setpriv: failed to execute nosuch: No such file or directory\n");
  });
});
