// The headless `isolab` entry point: `npm run -s isolab -- [options] COMMAND`.
import { runCli } from "./run-cli";

const { stdout, stderr, exitCode } = runCli(process.argv.slice(2));
if (stdout) process.stdout.write(stdout);
if (stderr) process.stderr.write(stderr);
process.exitCode = exitCode;
