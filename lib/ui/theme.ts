// The colour theme: "system" follows prefers-color-scheme, "light"/"dark" are the learner's
// choice, remembered in a cookie so the server renders the right colours with no flash.
import { z } from "zod";

export const Theme = z.enum(["system", "light", "dark"]);
export type Theme = z.infer<typeof Theme>;
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined): Theme {
  const parsed = Theme.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

export const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;
