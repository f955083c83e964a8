/**
 * The capability and id transformation of execve(2) (capabilities(7), "Transformation of
 * capabilities during execve()"; `security/commoncap.c: cap_bprm_creds_from_file()`):
 *
 *   P'(ambient)     = (file is privileged) ? 0 : P(ambient)
 *   P'(permitted)   = (P(inheritable) & F(inheritable)) | (F(permitted) & P(bounding)) | P'(ambient)
 *   P'(effective)   = F(effective) ? P'(permitted) : P'(ambient)
 *   P'(inheritable) = P(inheritable)    P'(bounding) = P(bounding)
 *
 * For root (a real or effective uid of 0 in the task's user namespace) the file sets are taken
 * as all-ones unless SECBIT_NOROOT is set, and F(effective) is set when the euid is 0.
 */
import type { CapSet } from "../caps/capabilities";
import { ALL_CAPS, EMPTY_CAPS, capIntersect, capUnion } from "../caps/capabilities";
import type { Kgid, Kuid } from "../ids";
import type { Cred } from "./cred";
import { SECBIT_NOROOT } from "./cred";

export interface ExecFile {
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly setuid: boolean;
  readonly setgid: boolean;
  /** security.capability xattr, if any (setcap). */
  readonly fileCaps?: { readonly permitted: CapSet; readonly inheritable: CapSet; readonly effective: boolean };
  /** A nosuid mount ignores setuid/setgid bits and file capabilities. */
  readonly nosuid: boolean;
}

export interface ExecCreds {
  readonly cred: Cred;
  /** The new program runs with more privilege than its caller had (AT_SECURE). */
  readonly secure: boolean;
  /** Why the setuid bit or file caps were ignored, if they were. */
  readonly ignored?: "no_new_privs" | "nosuid";
}

/** `rootUid`: the global id of uid 0 in the task's user namespace (make_kuid(ns, 0)). */
export function execCreds(cred: Cred, file: ExecFile, noNewPrivs: boolean, rootUid: Kuid | undefined): ExecCreds {
  const blocked = file.nosuid ? "nosuid" : noNewPrivs ? "no_new_privs" : undefined;
  const raiseIds = blocked === undefined;
  const euid = raiseIds && file.setuid ? file.uid : cred.euid;
  const egid = raiseIds && file.setgid ? file.gid : cred.egid;
  const fcaps = raiseIds ? file.fileCaps : undefined;
  const isRoot = rootUid !== undefined && (euid === rootUid || cred.uid === rootUid) && !(cred.securebits & SECBIT_NOROOT);
  let fP = fcaps?.permitted ?? EMPTY_CAPS;
  let fI = fcaps?.inheritable ?? EMPTY_CAPS;
  let fE = fcaps?.effective ?? false;
  if (isRoot) {
    fP = ALL_CAPS;
    fI = ALL_CAPS;
    fE = euid === rootUid || fE;
  }
  const privileged = isRoot || fcaps !== undefined;
  const ambient = privileged ? EMPTY_CAPS : cred.caps.ambient;
  const permitted = capUnion(capUnion(capIntersect(cred.caps.inheritable, fI), capIntersect(fP, cred.caps.bounding)), ambient);
  const effective = fE ? permitted : ambient;
  const next: Cred = {
    ...cred,
    euid, suid: euid, fsuid: euid, egid, sgid: egid, fsgid: egid,
    caps: { ...cred.caps, ambient, permitted, effective },
  };
  const secure = euid !== cred.uid || egid !== cred.gid || fcaps !== undefined;
  return blocked && (file.setuid || file.setgid || file.fileCaps) ? { cred: next, secure, ignored: blocked } : { cred: next, secure };
}
