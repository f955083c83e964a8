import { useReducedMotion } from "./motion";
import { STACKS, describeStack } from "./stack-picture-model";
import { StackColumn } from "./StackColumn";

/**
 * The home page's first picture: containers on one shared host kernel, next to virtual machines
 * that each boot their own guest kernel on a hypervisor. The drawing is hidden from assistive
 * technology; the caption carries the same facts in words.
 */
export function StackPicture() {
  const still = useReducedMotion() ?? false;
  return (
    <figure className="stacks">
      <div className="stacks__grid" aria-hidden="true">
        {STACKS.map((stack) => (
          <StackColumn key={stack.id} stack={stack} still={still} />
        ))}
      </div>
      <figcaption className="stacks__caption">
        Containers share the host’s kernel; every virtual machine boots a kernel of its own.{" "}
        <span className="visually-hidden">{STACKS.map(describeStack).join(" ")}</span>
      </figcaption>
    </figure>
  );
}
