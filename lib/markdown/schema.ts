// The sanitizer schema for authored Markdown: GitHub's defaults, plus the class names remark-math
// puts on math code so that KaTeX can find it after sanitizing.
import { defaultSchema, type Options } from "rehype-sanitize";

const codeClasses = ["math-inline", "math-display", /^language-./];

export const markdownSchema: Options = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", ...codeClasses]],
  },
};
