/**
 * The frontmatter of a lesson (`content/lessons/NN-slug/lesson.md`, between the `---` lines).
 * The body's directives are checked separately (lesson-directives.ts), on the Markdown tree.
 */
import { z } from "zod";
import { conceptList, contentId, minutes, summary, title, uniqueList, worldSchema } from "./fields.schema.ts";

export const lessonFrontmatterSchema = z
  .strictObject({
    id: contentId("what-is-a-container").describe(
      "Stable identity of the lesson, used in links, embeds and saved progress. Never reuse it for a lesson " +
        "that teaches something else: a changed lesson gets a new id.",
    ),
    title: title().describe("Title shown in the course index and at the top of the lesson."),
    summary: summary().describe("One or two sentences shown in the course index: what the learner will understand."),
    concepts: conceptList().describe(
      "Concepts this lesson teaches; each must be declared under `concepts:` in content/course.yaml.",
    ),
    minutes: minutes().describe("Estimated reading and practice time, in whole minutes."),
    prerequisites: uniqueList(contentId("what-is-a-container").describe("The id of an earlier lesson."), "lesson")
      .default([])
      .describe("Ids of lessons to read first; each must come earlier in content/course.yaml."),
    world: worldSchema
      .optional()
      .describe("The simulated world behind the lesson's ::terminal directives; a fresh ubuntu host if omitted."),
  })
  .describe("Frontmatter of a lesson: the YAML between the two `---` lines at the top of lesson.md.");

export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>;
