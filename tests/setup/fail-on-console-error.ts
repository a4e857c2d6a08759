// An unexpected console.error is a bug: fail the test that produced it.
// A test that expects one spies on console.error itself (vi.spyOn) before it happens.
import { afterEach, beforeEach, expect, vi } from "vitest";

let errors: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  expect(errors, "unexpected console.error").toEqual([]);
  vi.restoreAllMocks();
});
