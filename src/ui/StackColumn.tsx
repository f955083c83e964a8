import { RevealGroup } from "./RevealGroup";
import type { StackModel } from "./stack-picture-model";
import { BASE_DELAY, GUESTS_DELAY } from "./stack-picture-model";
import { StackGuestBox } from "./StackGuestBox";
import { StackLayerBox } from "./StackLayerBox";

export interface StackColumnProps {
  readonly stack: StackModel;
  /** True when the user prefers reduced motion: everything is drawn in place at once. */
  readonly still: boolean;
}

/** One side of the home picture: its guests (containers or VMs) above the layers they share. */
export function StackColumn({ stack, still }: StackColumnProps) {
  return (
    <div className={`stack stack--${stack.id}`}>
      <p className="stack__title">{stack.title}</p>
      <RevealGroup className="stack__guests" delay={still ? null : GUESTS_DELAY} fromY={-18}>
        {stack.guests.map((guest) => (
          <StackGuestBox key={guest.id} guest={guest} />
        ))}
      </RevealGroup>
      <RevealGroup className="stack__base" delay={still ? null : BASE_DELAY} fromY={14}>
        {stack.base.map((layer) => (
          <StackLayerBox key={layer.id} layer={layer} animate={!still} />
        ))}
      </RevealGroup>
    </div>
  );
}
