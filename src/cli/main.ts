// The headless `isolab` entry point: `npm run -s isolab -- [options] COMMAND`.
import { readFileSync } from "node:fs";
import { runCli } from "./run-cli";

const readStdin = (): string => {
  try {
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
};

const { stdout, stderr, exitCode } = runCli(process.argv.slice(2), readStdin);
if (stdout) process.stdout.write(stdout);
if (stderr) process.stderr.write(stderr);
process.exitCode = exitCode;
