/** Every program the simulator can run, by the name its executable carries. */
import type { ProgramMain, ProgramRegistry } from "../process/program";
import { shellMain } from "../shell/main";
import { cat, echo, falseProgram, sleep, trueProgram } from "./coreutils-basic";
import { groups, id, whoami } from "./id";
import { hostname, uname } from "./uname";
import { ls } from "./ls";
import { head } from "./head";
import { tail } from "./tail";
import { wc } from "./wc";
import { mkdir } from "./mkdir";
import { rm } from "./rm";
import { touch } from "./touch";
import { basename, dirname, readlink } from "./paths";
import { env } from "./env";
import { printf } from "./printf";
import { seq, yes } from "./seq-yes";
import { dmesg } from "./dmesg";
import { PROCPS_PROGRAMS } from "./procps/programs";
import { UTIL_LINUX_PROGRAMS } from "./util-linux/programs";

const entries: [string, ProgramMain][] = [
  ["bash", (args) => shellMain("bash", args)],
  // SIMPLIFICATION: Ubuntu's /bin/sh is dash; it runs with busybox ash's messages for now.
  ["dash", (args) => shellMain("ash", args)],
  ["cat", cat], ["echo", echo], ["true", trueProgram], ["false", falseProgram], ["sleep", sleep],
  ["id", id], ["whoami", whoami], ["groups", groups], ["uname", uname], ["hostname", hostname],
  ["ls", ls], ["head", head], ["tail", tail], ["wc", wc], ["mkdir", mkdir], ["rm", rm], ["touch", touch],
  ["readlink", readlink], ["basename", basename], ["dirname", dirname], ["env", env], ["printf", printf],
  ["seq", seq], ["yes", yes], ["dmesg", dmesg],
  ...PROCPS_PROGRAMS,
  ...UTIL_LINUX_PROGRAMS,
];

export const PROGRAMS: ProgramRegistry = new Map(entries);
