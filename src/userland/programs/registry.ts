/** Every program the simulator can run, by the name its executable carries. */
import type { ProgramMain, ProgramRegistry } from "../process/program";
import { shellMain } from "../shell/main";
import { cat, echo, falseProgram, sleep, trueProgram } from "./coreutils-basic";

const entries: [string, ProgramMain][] = [
  ["bash", (args) => shellMain("bash", args)],
  // SIMPLIFICATION: Ubuntu's /bin/sh is dash; it runs with busybox ash's messages for now.
  ["dash", (args) => shellMain("ash", args)],
  ["cat", cat], ["echo", echo], ["true", trueProgram], ["false", falseProgram], ["sleep", sleep],
];

export const PROGRAMS: ProgramRegistry = new Map(entries);
