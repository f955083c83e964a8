// Door of src/lib: other layers import only from here.
export type { Result } from "./result";
export { ok, err } from "./result";
export type { Brand } from "./brand";
export type { Rng } from "./rng";
export { seededRng, randomHex } from "./rng";
