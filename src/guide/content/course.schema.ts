/**
 * The course manifest (`content/course.yaml`): the one list of what the course contains and in
 * which order, plus the concept vocabulary that lessons, scenarios and quizzes tag themselves with.
 * Items are listed by folder (`01-what-is-a-container`); their identity is the `id:` inside.
 */
import { z } from "zod";
import { contentId, summary, title, uniqueList } from "./fields.schema.ts";

/** `NN-slug`: two digits give the reading order, the slug is for humans. */
export const FOLDER_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

const folderList = (example: string, kind: string) =>
  uniqueList(
    z
      .string()
      .regex(FOLDER_PATTERN, `must be a folder name like "${example}": two digits, a hyphen, then kebab-case`)
      .describe(`A folder under content/${kind}/, in reading order.`),
    "folder",
  ).default([]);

const conceptSchema = z
  .strictObject({
    id: contentId("namespaces").describe("Stable id of the concept, used in `concepts:` lists and mastery records."),
    title: title().describe("Name of the concept as learners read it, e.g. \"Namespaces\"."),
    summary: summary().describe("One sentence defining the concept, shown next to mastery."),
  })
  .describe("A concept the course teaches.");

export const courseManifestSchema = z
  .strictObject({
    title: title().describe("Title of the course."),
    concepts: z
      .array(conceptSchema)
      .min(1)
      .superRefine((concepts, ctx) => {
        const ids = concepts.map((c) => c.id);
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: [i, "id"], message: `declares the concept "${id}" twice` });
        });
      })
      .describe("Every concept the course's items may list in their `concepts:`."),
    lessons: folderList("01-what-is-a-container", "lessons").describe("Lesson folders under content/lessons/, in reading order."),
    scenarios: folderList("01-privileged", "scenarios").describe("Scenario folders under content/scenarios/, in reading order."),
    quizzes: folderList("01-namespaces-basics", "quizzes").describe("Quiz folders under content/quizzes/, in reading order."),
  })
  .describe("The course manifest: content/course.yaml.");

export type CourseManifest = z.output<typeof courseManifestSchema>;
