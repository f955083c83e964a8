// Door of src/userland: other layers import only from here.
export type { HeadlessOptions, HeadlessResult, HeadlessUser } from "./headless";
export { HeadlessSession, runHeadless } from "./headless";
export type { ProgramArgs, ProgramMain, ProgramRegistry, ProgramRun, Request } from "./process/program";
export { Runner } from "./process/runner";
export { parseScript } from "./shell/parser";
export { PROGRAMS } from "./programs/registry";
