import { describe, expect, it } from "vitest";
import { buildCatalog, EMPTY_PROGRESS, percent, type CatalogSectionInput } from "./catalog";

const sections: CatalogSectionInput[] = [
  {
    id: "activation-functions",
    title: "Activations",
    intro: "",
    exercises: [
      { id: "sigmoid", title: "Sigmoid" },
      { id: "tanh", title: "Tanh" },
    ],
    quiz: { id: "activation-functions", title: "Quiz", itemCount: 2 },
  },
  { id: "backprop", title: "Backprop", intro: "", exercises: [{ id: "backward-propagation", title: "Backward" }], quiz: null },
];

describe("buildCatalog", () => {
  it("shows everything not started and suggests the first exercise to a new learner", () => {
    const catalog = buildCatalog(sections, EMPTY_PROGRESS);
    expect(catalog.total).toBe(4);
    expect(catalog.solved).toBe(0);
    expect(catalog.sections[0]?.items.map((i) => i.status)).toEqual(["not-started", "not-started", "not-started"]);
    expect(catalog.next?.href).toBe("/exercises/sigmoid");
  });

  it("counts solved exercises and quizzes per section and suggests an unfinished attempt first", () => {
    const catalog = buildCatalog(sections, {
      exercises: new Map([
        ["sigmoid", "passed"],
        ["backward-propagation", "attempted"],
      ]),
      quizzes: new Map([["activation-functions", { answered: true, correctItems: new Set(["a", "b"]) }]]),
    });
    expect(catalog.sections[0]?.solved).toBe(2);
    expect(catalog.sections[0]?.items.find((i) => i.kind === "quiz")?.status).toBe("solved");
    expect(catalog.sections[1]?.items[0]?.status).toBe("attempted");
    expect(catalog.next?.id).toBe("backward-propagation");
    expect(catalog.solved).toBe(2);
  });

  it("marks a quiz attempted until every item was answered correctly", () => {
    const catalog = buildCatalog(sections, {
      exercises: new Map(),
      quizzes: new Map([["activation-functions", { answered: true, correctItems: new Set(["a"]) }]]),
    });
    expect(catalog.sections[0]?.items[2]?.status).toBe("attempted");
    // Issue 11: the catalog says how far the quiz is, not only "Attempted".
    expect(catalog.sections[0]?.items[2]?.quizScore).toEqual({ correct: 1, total: 2 });
  });

  it("suggests nothing once everything is solved", () => {
    const catalog = buildCatalog([sections[1]!], { exercises: new Map([["backward-propagation", "passed"]]), quizzes: new Map() });
    expect(catalog.next).toBeNull();
  });
});

describe("percent", () => {
  it("rounds and handles empty sections", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});
