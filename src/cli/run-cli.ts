/** Parses isolab's arguments and runs one command; pure apart from what the caller prints. */
import { runHeadless } from "../userland/index.ts";

export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export const USAGE = `Usage: isolab [OPTIONS] COMMAND [ARG...]

Run the Isolation Lab simulator headless: a simulated Linux host with
containers and virtual machines, printing exactly what the terminal shows.

Commands:
  sh -c SCRIPT       Run SCRIPT as root on a fresh host (bash); stdout and
                     stderr are printed apart, the exit status is the script's
  sh                 Read the script from standard input
  help               Show this help

Options:
  --host HOST        The host to boot: ubuntu (AppArmor, the default) or
                     fedora (SELinux)
  -h, --help         Show this help
  -V, --version      Print the version
`;

const VERSION = "isolab 0.1.0";
const HOSTS = ["ubuntu", "fedora"] as const;
type Host = (typeof HOSTS)[number];

const usageError = (message: string): CliOutput => ({
  stdout: "", stderr: `isolab: ${message}\nTry 'isolab --help' for more information.\n`, exitCode: 2,
});

/** `isolab [--host H] sh [-c SCRIPT]`; `stdin` is read only when no -c is given. */
export function runCli(argv: readonly string[], readStdin: () => string = () => ""): CliOutput {
  const args = [...argv];
  let host: Host = "ubuntu";
  while (args[0]?.startsWith("-")) {
    const opt = args.shift()!;
    if (opt === "-h" || opt === "--help") return { stdout: USAGE, stderr: "", exitCode: 0 };
    if (opt === "-V" || opt === "--version") return { stdout: `${VERSION}\n`, stderr: "", exitCode: 0 };
    if (opt === "--host" || opt.startsWith("--host=")) {
      const name = opt.includes("=") ? opt.slice(7) : args.shift();
      if (!name || !(HOSTS as readonly string[]).includes(name)) return usageError(`unknown host '${name ?? ""}' (hosts: ${HOSTS.join(", ")})`);
      host = name as Host;
      continue;
    }
    return usageError(`unknown option '${opt}'`);
  }
  const [command, ...rest] = args;
  if (command === undefined) return { stdout: USAGE, stderr: "", exitCode: 2 };
  if (command === "help") return { stdout: USAGE, stderr: "", exitCode: 0 };
  if (command !== "sh") return { stdout: "", stderr: `isolab: '${command}' is not an isolab command.\nSee 'isolab --help'.\n`, exitCode: 2 };
  let script: string;
  if (rest[0] === "-c") {
    if (rest[1] === undefined) return usageError("sh: -c: option requires an argument");
    script = rest[1];
  } else if (rest.length === 0) script = readStdin();
  else return usageError(`sh: unexpected argument '${rest[0]}'`);
  const result = runHeadless(script, { host });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status };
}
