/** Parses isolab's arguments and runs one command; pure apart from what the caller prints. */
export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export const USAGE = `Usage: isolab [OPTIONS] COMMAND [ARG...]

Run the Isolation Lab simulator headless: a simulated Linux host with
containers and virtual machines, printing exactly what the terminal shows.

Commands:
  help               Show this help

Options:
  -h, --help         Show this help
  -V, --version      Print the version
`;

const VERSION = "isolab 0.1.0";

export function runCli(argv: readonly string[]): CliOutput {
  const [first] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    return { stdout: USAGE, stderr: "", exitCode: first === undefined ? 2 : 0 };
  }
  if (first === "-V" || first === "--version") return { stdout: `${VERSION}\n`, stderr: "", exitCode: 0 };
  if (first.startsWith("-")) {
    return { stdout: "", stderr: `isolab: unknown option '${first}'\nTry 'isolab --help' for more information.\n`, exitCode: 2 };
  }
  return { stdout: "", stderr: `isolab: '${first}' is not an isolab command.\nSee 'isolab --help'.\n`, exitCode: 2 };
}
