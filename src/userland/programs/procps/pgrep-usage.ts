/** pgrep's and pkill's long options and usage text (procps-ng 4.0.4 `src/pgrep.c`: usage()). */
import type { LongOption } from "../common";

const req = (key: string): LongOption => ({ key, arg: "required" });
const flag = (key: string): LongOption => ({ key, arg: "none" });

export const PGREP_LONG: Readonly<Record<string, LongOption>> = {
  signal: req("signal"), "ignore-ancestors": flag("A"), count: flag("c"), delimiter: req("d"), "list-name": flag("l"),
  "list-full": flag("a"), full: flag("f"), pgroup: req("g"), group: req("G"), "ignore-case": flag("i"), newest: flag("n"),
  oldest: flag("o"), older: req("O"), parent: req("P"), session: req("s"), terminal: req("t"), euid: req("u"),
  uid: req("U"), inverse: flag("v"), lightweight: flag("w"), exact: flag("x"), pidfile: req("F"), logpidfile: flag("L"),
  echo: flag("e"), queue: req("q"), runstates: req("r"), pid: req("p"), help: flag("h"), version: flag("V"),
};

export function pgrepUsage(prog: string, pkill: boolean): string {
  const own = pkill
    ? " -<sig>                    signal to send (either number or name)\n" +
      " -q, --queue <value>       integer value to be sent with the signal\n" +
      " -e, --echo                display what is killed\n"
    : " -d, --delimiter <string>  specify output delimiter\n -l, --list-name           list PID and process name\n" +
      " -a, --list-full           list PID and full command line\n -v, --inverse             negates the matching\n" +
      " -w, --lightweight         list all TID\n";
  return `\nUsage:\n ${prog} [options] <pattern>\n\nOptions:\n${own}` +
    " -c, --count               count of matching processes\n" +
    " -f, --full                use full process name to match\n" +
    " -g, --pgroup <PGID,...>   match listed process group IDs\n" +
    " -G, --group <GID,...>     match real group IDs\n" +
    " -i, --ignore-case         match case insensitively\n" +
    " -n, --newest              select most recently started\n" +
    " -o, --oldest              select least recently started\n" +
    " -O, --older <seconds>     select where older than seconds\n" +
    " -P, --parent <PPID,...>   match only child processes of the given parent\n" +
    " -s, --session <SID,...>   match session IDs\n" +
    "     --signal <sig>        signal to send (either number or name)\n" +
    " -t, --terminal <tty,...>  match by controlling terminal\n" +
    " -u, --euid <ID,...>       match by effective IDs\n" +
    " -U, --uid <ID,...>        match by real IDs\n" +
    " -x, --exact               match exactly with the command name\n" +
    " -F, --pidfile <file>      read PIDs from file\n" +
    " -L, --logpidfile          fail if PID file is not locked\n" +
    " -r, --runstates <state>   match runstates [D,S,Z,...]\n" +
    " -A, --ignore-ancestors    exclude our ancestors from results\n" +
    " --cgroup <grp,...>        match by cgroup v2 names\n" +
    " --ns <PID>                match the processes that belong to the same\n" +
    "                           namespace as <pid>\n" +
    " --nslist <ns,...>         list which namespaces will be considered for\n" +
    "                           the --ns option.\n" +
    "                           Available namespaces: ipc, mnt, net, pid, user, uts\n\n" +
    " -h, --help     display this help and exit\n -V, --version  output version information and exit\n\n" +
    "For more details see pgrep(1).\n";
}

/** regerror()'s words for what a JavaScript RegExp refuses. */
export function regexError(jsMessage: string): string {
  if (/Unterminated group|Unmatched '\('|unmatched/i.test(jsMessage)) return "Unmatched ( or \\(";
  if (/Unterminated character class/.test(jsMessage)) return "Unmatched [, [^, [:, [., or [=";
  if (/Nothing to repeat/.test(jsMessage)) return "Invalid preceding regular expression";
  if (/\\ at end of pattern/.test(jsMessage)) return "Trailing backslash";
  return "Invalid regular expression";
}
