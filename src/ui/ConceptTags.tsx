import { findConcept } from "./content";

export interface ConceptTagsProps {
  readonly concepts: readonly string[];
}

/** The concepts an item teaches, as small tags named after the course's concept titles. */
export function ConceptTags({ concepts }: ConceptTagsProps) {
  if (concepts.length === 0) return null;
  return (
    <ul className="tags" aria-label="Concepts">
      {concepts.map(findConcept).map((concept) => (
        <li key={concept.id} className="tag" title={concept.summary || undefined}>
          {concept.title}
        </li>
      ))}
    </ul>
  );
}
