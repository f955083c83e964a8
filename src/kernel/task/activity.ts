/**
 * What a task does while simulated time passes. Commands that finish at once need none;
 * the scheduler advances these (sleeping, burning CPU, allocating memory, forking).
 */
export type Activity =
  | { readonly kind: "idle" } // blocked in a read or poll: daemons, shells waiting for input
  | { readonly kind: "sleep"; readonly untilNs: number } // nanosleep(2)
  | { readonly kind: "wait"; readonly child: number } // wait4(2) on a child (-1: any)
  | { readonly kind: "burn" } // a busy loop: wants a whole CPU
  | { readonly kind: "hog"; readonly bytesPerSec: number } // keeps allocating memory (tail /dev/zero)
  | { readonly kind: "forkbomb" }; // forks copies of itself as fast as the scheduler lets it

export const IDLE: Activity = { kind: "idle" };
