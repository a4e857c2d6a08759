import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env.server";

describe("parseServerEnv", () => {
  it("fills the defaults of the embedded mode", () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      BACKPROP_DATA_DIR: "./data",
      BACKPROP_MAX_CODE_BYTES: 262_144,
      BACKPROP_GRADING_IN_WEB: true,
      BACKPROP_TRUSTED_ORIGINS: [],
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads server-mode settings", () => {
    const env = parseServerEnv({
      DATABASE_URL: "postgresql://lab@db:5432/lab",
      BACKPROP_GRADING_IN_WEB: "0",
      BACKPROP_TRUSTED_ORIGINS: "https://a.example, https://b.example",
      BACKPROP_MAX_CODE_BYTES: "65536",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "postgresql://lab@db:5432/lab",
      BACKPROP_GRADING_IN_WEB: false,
      BACKPROP_TRUSTED_ORIGINS: ["https://a.example", "https://b.example"],
      BACKPROP_MAX_CODE_BYTES: 65_536,
    });
  });

  it("names every bad variable in one error", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "mysql://x", BETTER_AUTH_SECRET: "short", BACKPROP_GRADING_CONCURRENCY: "zero" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL[\s\S]*BETTER_AUTH_SECRET: must be at least 32 characters[\s\S]*BACKPROP_GRADING_CONCURRENCY/,
    );
  });
});
