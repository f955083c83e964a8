import { describe, expect, it } from "vitest";
import { ALL_CAPS, DOCKER_DEFAULT_CAPS, EMPTY_CAPS, capHex, capSetOf } from "../caps/capabilities";
import { kgid, kuid } from "../ids";
import type { Cred } from "./cred";
import { INIT_CRED, userCred } from "./cred";
import type { ExecFile } from "./exec-creds";
import { execCreds } from "./exec-creds";

const plain: ExecFile = { uid: kuid(0), gid: kgid(0), setuid: false, setgid: false, nosuid: false };
const root = kuid(0);

describe("execve capability rules", () => {
  it("keeps every capability for root running a plain binary", () => {
    const out = execCreds(INIT_CRED, plain, false, root);
    expect(capHex(out.cred.caps.effective)).toBe("000001ffffffffff");
    expect(out.secure).toBe(false);
  });

  it("gives a container's root only its bounding set (Docker's 14 caps)", () => {
    const container: Cred = { ...INIT_CRED, caps: { ...INIT_CRED.caps, bounding: DOCKER_DEFAULT_CAPS } };
    const out = execCreds(container, plain, false, root);
    expect(capHex(out.cred.caps.permitted)).toBe("00000000a80425fb");
    expect(capHex(out.cred.caps.effective)).toBe("00000000a80425fb");
  });

  it("drops all capabilities when a non-root user execs (CapEff 0, same CapBnd)", () => {
    const user = { ...userCred(1000, 1000), caps: { ...INIT_CRED.caps, permitted: ALL_CAPS, effective: ALL_CAPS } };
    const out = execCreds(user, plain, false, root);
    expect(out.cred.caps.permitted).toBe(EMPTY_CAPS);
    expect(out.cred.caps.bounding).toBe(ALL_CAPS);
  });

  it("raises euid through a setuid-root binary, unless no_new_privs or nosuid", () => {
    const file = { ...plain, setuid: true };
    const user = userCred(1000, 1000);
    const raised = execCreds(user, file, false, root);
    expect(raised.cred.euid).toBe(0);
    expect(raised.cred.uid).toBe(1000);
    expect(capHex(raised.cred.caps.effective)).toBe("000001ffffffffff");
    expect(raised.secure).toBe(true);
    const nnp = execCreds(user, file, true, root);
    expect(nnp.cred.euid).toBe(1000);
    expect(nnp.ignored).toBe("no_new_privs");
    expect(execCreds(user, { ...file, nosuid: true }, false, root).ignored).toBe("nosuid");
  });

  it("grants file capabilities within the bounding set (setcap cap_net_raw+ep)", () => {
    const file: ExecFile = { ...plain, fileCaps: { permitted: capSetOf(["CAP_NET_RAW", "CAP_SYS_ADMIN"]), inheritable: EMPTY_CAPS, effective: true } };
    const user = { ...userCred(1000, 1000), caps: { ...userCred(1000, 1000).caps, bounding: DOCKER_DEFAULT_CAPS } };
    const out = execCreds(user, file, false, root);
    expect(out.cred.caps.effective).toBe(capSetOf(["CAP_NET_RAW"]));
  });

  it("keeps ambient capabilities across exec of an unprivileged binary", () => {
    const amb = capSetOf(["CAP_NET_BIND_SERVICE"]);
    const base = userCred(1000, 1000);
    const user = { ...base, caps: { ...base.caps, inheritable: amb, permitted: amb, ambient: amb } };
    const out = execCreds(user, plain, false, root);
    expect(out.cred.caps.effective).toBe(amb);
  });
});
