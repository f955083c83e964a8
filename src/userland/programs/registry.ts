/** Every program the simulator can run, by the name its executable carries. */
import type { ProgramMain, ProgramRegistry } from "../process/program";
import { shellMain } from "../shell/main";
import { cat, echo, falseProgram, sleep, trueProgram } from "./coreutils-basic";
import { groups, id, whoami } from "./id";
import { hostname, uname } from "./uname";

const entries: [string, ProgramMain][] = [
  ["bash", (args) => shellMain("bash", args)],
  // SIMPLIFICATION: Ubuntu's /bin/sh is dash; it runs with busybox ash's messages for now.
  ["dash", (args) => shellMain("ash", args)],
  ["cat", cat], ["echo", echo], ["true", trueProgram], ["false", falseProgram], ["sleep", sleep],
  ["id", id], ["whoami", whoami], ["groups", groups], ["uname", uname], ["hostname", hostname],
];

export const PROGRAMS: ProgramRegistry = new Map(entries);
