import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";
import { KERN_INFO, printk } from "../state";
import { logTime } from "./syslog";

describe("syslog(2)", () => {
  it("reads every record as <level>[seconds.micros] text", () => {
    const h = new KernelHarness();
    h.state = printk(h.state, KERN_INFO, "hello from the kernel");
    const out = h.call(h.shell, { name: "syslog", type: 3 });
    expect(out.result).toEqual({ ok: true, value: { text: `<6>${logTime(h.state.nowNs)} hello from the kernel\n` } });
  });

  it("needs CAP_SYSLOG while kernel.dmesg_restrict is 1", () => {
    const h = new KernelHarness();
    const user = h.fork(h.shell);
    h.setCred(user, userCred(1000, 1000));
    expect(h.call(user, { name: "syslog", type: 3 }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("prints times as dmesg does", () => {
    expect(logTime(12_345_678_901)).toBe("[   12.345678]");
  });
});
