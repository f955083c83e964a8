// Door of src/lib: other layers import only from here.
export type { Result } from "./result.ts";
export { ok, err } from "./result.ts";
export type { Brand } from "./brand.ts";
export type { Rng } from "./rng.ts";
export { seededRng, randomHex } from "./rng.ts";
export type { HostProfile } from "./content-id.ts";
export { CONTENT_ID_PATTERN, TARGET_PATTERN, HOST_PROFILES } from "./content-id.ts";
