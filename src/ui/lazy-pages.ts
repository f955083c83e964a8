/**
 * Every page but home, loaded on demand: each function resolves to the route properties
 * (`Component`, and `loader` where the page needs data) that react-router's `lazy` expects.
 * Keeping the dynamic imports here keeps each page in its own chunk while src/app imports
 * only this layer's door.
 */
export const lazyPages = {
  lab: async () => ({ Component: (await import("./LabPage")).LabPage }),
  learn: async () => ({ Component: (await import("./LearnPage")).LearnPage }),
  lesson: async () => {
    const [{ LessonPage }, { lessonLoader }] = await Promise.all([import("./LessonPage"), import("./route-loaders")]);
    return { Component: LessonPage, loader: lessonLoader };
  },
  escape: async () => ({ Component: (await import("./EscapePage")).EscapePage }),
  scenario: async () => {
    const [{ ScenarioPage }, { scenarioLoader }] = await Promise.all([import("./ScenarioPage"), import("./route-loaders")]);
    return { Component: ScenarioPage, loader: scenarioLoader };
  },
  quizList: async () => ({ Component: (await import("./QuizListPage")).QuizListPage }),
  quiz: async () => ({ Component: (await import("./QuizPage")).QuizPage }),
  embed: async () => ({ Component: (await import("./EmbedPage")).EmbedPage }),
} as const;
