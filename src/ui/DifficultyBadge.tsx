import type { ScenarioSummary } from "./content";

export interface DifficultyBadgeProps {
  readonly difficulty: ScenarioSummary["difficulty"];
}

const LABELS: Record<ScenarioSummary["difficulty"], string> = {
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
};

/** How hard a scenario is, in words (colour only repeats it). */
export function DifficultyBadge({ difficulty }: DifficultyBadgeProps) {
  return <p className={`badge badge--${difficulty}`}>{LABELS[difficulty]}</p>;
}
