import { RevealGroup } from "./RevealGroup";
import type { StackModel } from "./stack-picture-model";
import { BASE_DELAY, GUESTS_DELAY } from "./stack-picture-model";
import { StackGuestBox } from "./StackGuestBox";
import { StackLayerBox } from "./StackLayerBox";

export interface StackColumnProps {
  readonly stack: StackModel;
}

/** One side of the home picture: its guests (containers or VMs) above the layers they share. */
export function StackColumn({ stack }: StackColumnProps) {
  return (
    <div className={`stack stack--${stack.id}`}>
      <p className="stack__title">{stack.title}</p>
      <RevealGroup className="stack__guests" delay={GUESTS_DELAY} fromY={-18}>
        {stack.guests.map((guest) => (
          <StackGuestBox key={guest.id} guest={guest} />
        ))}
      </RevealGroup>
      <RevealGroup className="stack__base" delay={BASE_DELAY} fromY={14}>
        {stack.base.map((layer) => (
          <StackLayerBox key={layer.id} layer={layer} />
        ))}
      </RevealGroup>
    </div>
  );
}
