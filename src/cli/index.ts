// Door of src/cli: other layers import only from here.
export type { ContentError } from "./content/content-error.ts";
export { formatContentError } from "./content/content-error.ts";
export type { CompiledCourse } from "./content/load-course.ts";
export { loadCourse } from "./content/load-course.ts";
export type { ContentCheck } from "./content/check-content.ts";
export { checkContent } from "./content/check-content.ts";
export { readContentDir } from "./content/read-content-dir.ts";
export { checkSchemaDrift, renderJsonSchemas } from "./content/json-schemas.ts";
export { CONTENT_MODULE_ID, renderIndexModule, renderItemModule } from "./content/virtual-modules.ts";
