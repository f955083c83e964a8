// ps against the reference transcripts (recorded on Linux 6.18, procps-ng 4.0.4); PIDs, times
// and namespace inode numbers are the only things normalised.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../../headless";
import { HELP } from "./ps-parse";

/** Runs several commands in one boot; their outputs, split at the `@@` markers. */
function sections(...commands: string[]) {
  const r = runHeadless(commands.map((c, i) => `echo @@${i}; ${c}; echo "@@status $?"`).join("\n"));
  const parts = r.stdout.split(/^@@\d+\n/m).slice(1);
  return {
    out: parts.map((p) => p.replace(/@@status \d+\n$/, "")),
    status: parts.map((p) => Number(/@@status (\d+)\n$/.exec(p)?.[1])),
    stderr: r.stderr,
  };
}

/** Numbers become `#` at the right edge of the room they and their leading blanks take. */
const norm = (s: string) => s.replace(/ *\d+/g, (m) => "#".padStart(m.length));

describe("ps", () => {
  const r = sections(
    "ps -ef",
    "ps -o pid,cmd | head -3",
    "echo 32768 > /proc/sys/kernel/pid_max; sleep 600 & sleep 45 & sleep 0.1; A=$(pgrep -f '^sleep 600'); B=$(pgrep -f '^sleep 45'); ps -o pid,user,cmd -p $A; ps -ef | head -3; " +
      "ps aux | head -3; ps -o pid,ppid,user,pidns,netns,mntns,utsns,ipcns,cmd -p $B; ps -o uid,gid,user,pid,cmd -p $A",
  );

  it("prints -ef with the 7-digit PID columns pid_max 4194304 gives", () => {
    const lines = r.out[0]!.split("\n");
    expect(lines[0]).toBe("UID          PID    PPID  C STIME TTY          TIME CMD");
    expect(lines[1]).toBe("root           1       0  0 22:56 ?        00:00:00 /sbin/init");
    expect(lines[2]).toBe("root           2       0  0 22:56 ?        00:00:00 [kthreadd]");
    expect(lines.at(-2)).toMatch(/^root {8,}\d+ {4,}\d+ {2}0 22:56 \? {8}00:00:00 ps -ef$/);
    expect(lines.some((l) => /^systemd\+ /.test(l))).toBe(true);
  });

  it("selects by default the processes of its euid and terminal (none here), as procps does", () => {
    expect(r.out[1]).toBe("    PID CMD\n      1 /sbin/init\n      2 [kthreadd]\n");
  });

  it("matches the transcripts' layouts once pid_max has 5 digits", () => {
    const text = norm(r.out[2]!);
    // 14a_pidhost_default.txt
    expect(text).toContain(norm("  PID USER     CMD\n  875 root     sleep 600\n"));
    expect(text).toContain(
      norm("UID        PID  PPID  C STIME TTY          TIME CMD\nroot         1     0  0 22:01 ?        00:00:11 /sbin/init\n" +
        "root         2     0  0 22:01 ?        00:00:00 [kthreadd]\n"),
    );
    // 12_container_capadd_sysadmin_release_agent.txt (the host's ps aux)
    expect(text).toContain(norm("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"));
    expect(text).toContain(norm("root         2  0.0  0.0      0     0 ?        S    22:01   0:00 [kthreadd]\n"));
    // 24_container_host_view.txt
    expect(text).toContain(norm("  PID  PPID USER          PIDNS      NETNS      MNTNS      UTSNS      IPCNS CMD\n" +
      " 9496  9495 root     4026532252 4026532178 4026532249 4026532250 4026532251 sleep 45\n"));
    // 15_userns_remap.txt: the header (the row's uid 100000 is in ps-format.test.ts)
    expect(text).toContain("  UID   GID USER       PID CMD\n");
  });
});

describe("ps errors and selection", () => {
  const r = sections(
    "ps -o x", "ps -Q", "ps -p 99999", "ps --no-headers -p 1", "ps h -p 1", "ps -u nosuchuser", "ps --ppid 2 -o ppid= | head -1",
    "ps -o pid=,comm= -p 1,2", "ps -p 1 -o pid -o comm", "ps --forest", "ps -aux | head -1", "ps -x -o pid= -p 1 | head -2", "ps -o pid:3,comm=NAME -p 1",
    "ps -o pid,args,comm -p 1 --cols 40",
    "ps -o pid,ppid,pgid,sid,uid,user,gid,group,comm,args,cmd,pidns,netns,mntns,utsns,ipcns,userns,cgroupns,timens,stat,tty,time,etime,rss,vsz,nlwp,cgroup,label -p 1",
  );
  const usage = (msg: string) => `error: ${msg}\n${HELP}`;

  it("reports an unknown format specifier and a bad option with procps's words and usage", () => {
    expect(r.status.slice(0, 2)).toEqual([1, 1]);
    expect(r.out[0]).toBe("");
    expect(r.stderr).toContain(usage('unknown user-defined format specifier "x"'));
    expect(r.stderr).toContain(usage("unsupported SysV option"));
    expect(r.stderr).toContain(usage("user name does not exist"));
  });

  it("prints only the header and fails when nothing is selected", () => {
    expect(r.out[2]).toBe("    PID TTY          TIME CMD\n");
    expect(r.status[2]).toBe(1);
  });

  it("drops the header for --no-headers, h and empty header overrides", () => {
    expect(r.out[3]).toBe("      1 ?        00:00:00 systemd\n");
    // A BSD option makes the BSD default columns.
    expect(r.out[4]).toBe("      1 ?        Ss     0:00 /sbin/init\n");
    expect(r.out[7]).toBe("      1 systemd\n      2 kthreadd\n");
  });

  it("selects by --ppid and joins several -o lists", () => {
    expect(r.out[6]).toBe("      2\n");
    expect(r.out[8]).toBe("    PID COMMAND\n      1 systemd\n");
  });

  it("says when an option is not simulated", () => {
    expect(r.status[9]).toBe(1);
    expect(r.stderr).toContain("isolab: ps --forest: this option is not simulated yet\n");
  });

  it("reads -aux and -x the BSD way on the second try", () => {
    expect(r.out[10]).toBe("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
    // -x (BSD x: this user's processes) joins -p 1, so more than PID 1 comes out.
    expect(r.out[11]).toBe("      1\n      2\n");
  });

  it("honours width and header overrides, and cuts the last column at the screen width", () => {
    expect(r.out[12]).toBe("PID NAME\n  1 systemd\n");
    expect(r.out[13]).toBe("    PID COMMAND                     COMMAND\n      1 /sbin/init                  syst\n");
  });

  it("knows the specifiers the lab uses, with procps's headers and widths", () => {
    const [head, row] = r.out[14]!.split("\n");
    expect(head).toBe(
      "    PID    PPID    PGID     SID   UID USER       GID GROUP    COMMAND         COMMAND                     CMD      " +
        "                        PIDNS      NETNS      MNTNS      UTSNS      IPCNS     USERNS   CGROUPNS     TIMENS STAT TT   " +
        "        TIME     ELAPSED   RSS    VSZ NLWP CGROUP                      LABEL",
    );
    // PID 1 leads its own session and process group ([regression]: both were 0 at boot).
    expect(row).toMatch(/^ {6}1 {7}0 {7}1 {7}1 .* systemd {9}\/sbin\/init {18}\/sbin\/init {18}4026531836 4026531833 4026531832 4026531838 4026531839 4026531837 4026531835 4026531834 Ss {3}\? {8}00:00:00 {7}00:42 +\d+ +\d+ {4}1 0::\/init\.scope {14}unconfined$/);
  });
});
