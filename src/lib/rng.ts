/**
 * A seeded pseudo-random generator (mulberry32): the pure zone's only source of randomness,
 * so that a seed plus a command log reproduces a world exactly.
 */
export interface Rng {
  /** The generator's state, to store and restore. */
  readonly state: number;
  /** A float in [0, 1) and the next generator. */
  next(): readonly [number, Rng];
}

export function seededRng(seed: number): Rng {
  const state = seed >>> 0;
  return {
    state,
    next() {
      const s = (state + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return [value, seededRng(s)] as const;
    },
  };
}

/** `count` random hex digits (e.g. container ids), and the next generator. */
export function randomHex(rng: Rng, count: number): readonly [string, Rng] {
  let out = "";
  let current = rng;
  while (out.length < count) {
    const [value, nextRng] = current.next();
    out += Math.floor(value * 0x100000000).toString(16).padStart(8, "0");
    current = nextRng;
  }
  return [out.slice(0, count), current] as const;
}
