import type { RouteObject } from "react-router";
import { HomePage, lazyPages, NotFoundPage, PageLoading, RouteError, SiteLayout } from "../ui/index.ts";

/**
 * The route table. Home is bundled with the app so `/` paints without a second request; every
 * other page is a lazy chunk. Errors inside a page render in the site frame; an error in the
 * frame itself falls back to a standalone page.
 */
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <SiteLayout />,
    errorElement: <RouteError standalone />,
    hydrateFallbackElement: (
      <SiteLayout>
        <PageLoading />
      </SiteLayout>
    ),
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "lab", lazy: lazyPages.lab },
          { path: "learn", lazy: lazyPages.learn },
          { path: "learn/:lessonId", lazy: lazyPages.lesson },
          { path: "escape", lazy: lazyPages.escape },
          { path: "escape/:scenarioId", lazy: lazyPages.scenario },
          { path: "quiz", lazy: lazyPages.quizList },
          { path: "quiz/:quizId", lazy: lazyPages.quiz },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
  { path: "/embed/*", lazy: lazyPages.embed, errorElement: <RouteError standalone />, hydrateFallbackElement: <PageLoading /> },
];
