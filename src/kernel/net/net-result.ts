/**
 * How network operations fail: an errno, a sentence for the trace, and the netlink extended
 * ack message when Linux sets one (`NL_SET_ERR_MSG(extack, …)`) — iproute2 prints that as
 * `Error: <message>.` instead of `RTNETLINK answers: <strerror>`. A request is a sequence of
 * steps, each with the checks it made and either a value or a denial as its last check.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny } from "../trace";

export interface NetErr {
  readonly errno: Errno;
  /** Which Linux rule failed, e.g. `fib_check_nh_v4_gw`. */
  readonly rule: string;
  readonly reason: string;
  readonly extack?: string;
}

export type NetResult<T = KernelState> = Result<T, NetErr>;

export const netOk = <T>(value: T): NetResult<T> => ok(value);

export const netErr = (errno: Errno, rule: string, reason: string, extack?: string): NetResult<never> =>
  err(extack === undefined ? { errno, rule, reason } : { errno, rule, reason, extack });

export type Step<T> =
  | { readonly ok: true; readonly value: T; readonly checks: readonly Check[] }
  | { readonly ok: false; readonly checks: readonly Check[] };

/** The rule text of a check that carries an extended ack message. */
const EXTACK = / NL_SET_ERR_MSG "([^"]*)"$/;

export function denyNet(e: NetErr): Check {
  const rule = e.extack === undefined ? e.rule : `${e.rule} NL_SET_ERR_MSG "${e.extack}"`;
  return deny("kernel", rule, e.reason, e.errno);
}

/** The extended ack message of a failed request (iproute2 prints `Error: <msg>.`). */
export function extackOf(trace: readonly Check[]): string | undefined {
  const last = [...trace].reverse().find((c) => c.verdict === "deny");
  return last ? EXTACK.exec(last.rule)?.[1] : undefined;
}

export const stepOk = <T>(value: T, checks: readonly Check[] = []): Step<T> => ({ ok: true, value, checks });
export const stepFail = <T = never>(checks: readonly Check[]): Step<T> => ({ ok: false, checks });

/** A NetResult after `checks`: the value, or the checks plus the denial. */
export const fromNet = <T>(r: NetResult<T>, checks: readonly Check[] = []): Step<T> =>
  r.ok ? stepOk(r.value, checks) : stepFail([...checks, denyNet(r.error)]);
