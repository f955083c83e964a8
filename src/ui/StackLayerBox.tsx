import type { StackLayer } from "./stack-picture-model";

export interface StackLayerBoxProps {
  readonly layer: StackLayer;
}

/** One layer of a stack; the shared kernel carries the highlight that lights up last (CSS). */
export function StackLayerBox({ layer }: StackLayerBoxProps) {
  return (
    <div className={`layer layer--${layer.kind}`}>
      {layer.kind === "shared-kernel" ? <span className="layer__glow" /> : null}
      <span className="layer__label">{layer.label}</span>
    </div>
  );
}
