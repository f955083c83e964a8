/**
 * The naming rules that lessons, scenarios and quizzes share. They are plain patterns, not
 * schemas, so that guide and quiz (siblings that may not import each other) build their schemas
 * from the same rules and a course never mixes two spellings of one id.
 */

/** An id of a lesson, scenario, quiz, question, step or concept: kebab-case, stable forever. */
export const CONTENT_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Where a command or check runs: the host, or a named container or VM of the world. */
export const TARGET_PATTERN = /^(?:host|(?:container|vm):[a-z0-9][a-z0-9_.-]*)$/;

/** The simulated host profiles (DESIGN.md): Ubuntu-like with AppArmor, Fedora-like with SELinux. */
export const HOST_PROFILES = ["ubuntu", "fedora"] as const;
export type HostProfile = (typeof HOST_PROFILES)[number];
