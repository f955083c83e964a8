import type { LoaderFunctionArgs } from "react-router";
import { loadLesson, loadScenario } from "./content";
import type { CompiledLesson, Scenario } from "./content";

/** Loader of `/learn/:lessonId`: the compiled lesson, or null when no lesson has that id. */
export async function lessonLoader({ params }: LoaderFunctionArgs): Promise<CompiledLesson | null> {
  return (await loadLesson(params.lessonId ?? "")) ?? null;
}

/** Loader of `/escape/:scenarioId`: the whole scenario, or null when none has that id. */
export async function scenarioLoader({ params }: LoaderFunctionArgs): Promise<Scenario | null> {
  return (await loadScenario(params.scenarioId ?? "")) ?? null;
}
