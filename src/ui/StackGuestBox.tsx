import type { StackGuest } from "./stack-picture-model";
import { StackLayerBox } from "./StackLayerBox";

export interface StackGuestBoxProps {
  readonly guest: StackGuest;
}

/** One container or VM: a dashed box around the layers it carries itself. */
export function StackGuestBox({ guest }: StackGuestBoxProps) {
  return (
    <div className="stack__guest">
      <span className="stack__guest-label">{guest.label}</span>
      {guest.layers.map((layer) => (
        <StackLayerBox key={layer.id} layer={layer} />
      ))}
    </div>
  );
}
