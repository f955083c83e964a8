export interface ProseTextProps {
  readonly text: string;
}

/** Plain content text in which `backticks` mark inline code (scenario prose, hints). */
export function ProseText({ text }: ProseTextProps) {
  // Split on backtick pairs: odd parts are code. Nothing in the text becomes markup otherwise.
  return (
    <>
      {text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </>
  );
}
