import type { CSSProperties } from "react";
import { HIGHLIGHT_DELAY, HIGHLIGHT_SECONDS, REVEAL_EASE, REVEAL_SECONDS, STACKS, describeStack } from "./stack-picture-model";
import { StackColumn } from "./StackColumn";

/** The picture's timing, from the model, for the CSS animations in styles/home.css. */
const TIMING = {
  "--reveal-seconds": `${REVEAL_SECONDS}s`,
  "--reveal-ease": `cubic-bezier(${REVEAL_EASE.join(", ")})`,
  "--highlight-delay": `${HIGHLIGHT_DELAY}s`,
  "--highlight-seconds": `${HIGHLIGHT_SECONDS}s`,
} as CSSProperties;

/**
 * The home page's first picture: containers on one shared host kernel, next to virtual machines
 * that each boot their own guest kernel on a hypervisor. The drawing is hidden from assistive
 * technology; the caption carries the same facts in words.
 */
export function StackPicture() {
  return (
    <figure className="stacks" style={TIMING}>
      <div className="stacks__grid" aria-hidden="true">
        {STACKS.map((stack) => (
          <StackColumn key={stack.id} stack={stack} />
        ))}
      </div>
      <figcaption className="stacks__caption">
        Containers share the host’s kernel; every virtual machine boots a kernel of its own.{" "}
        <span className="visually-hidden">{STACKS.map(describeStack).join(" ")}</span>
      </figcaption>
    </figure>
  );
}
