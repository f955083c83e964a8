import { m } from "./motion";
import type { StackLayer } from "./stack-picture-model";
import { HIGHLIGHT_DELAY, HIGHLIGHT_SECONDS, REVEAL_EASE } from "./stack-picture-model";

export interface StackLayerBoxProps {
  readonly layer: StackLayer;
  /** False under reduced motion: the shared kernel's highlight is drawn at once. */
  readonly animate: boolean;
}

/** One layer of a stack; the shared kernel carries the highlight that lights up last. */
export function StackLayerBox({ layer, animate }: StackLayerBoxProps) {
  const glow =
    layer.kind !== "shared-kernel" ? null : animate ? (
      <m.span
        className="layer__glow"
        initial={{ opacity: 0, scale: 0.96 }}
        animate={{ opacity: 1, scale: 1 }}
        transition={{ delay: HIGHLIGHT_DELAY, duration: HIGHLIGHT_SECONDS, ease: [...REVEAL_EASE] }}
      />
    ) : (
      <span className="layer__glow" />
    );
  return (
    <div className={`layer layer--${layer.kind}`}>
      {glow}
      <span className="layer__label">{layer.label}</span>
    </div>
  );
}
