// The grader's browser-safe public API: the learner-facing np runtime and what the in-browser
// Run and the plots need beside it. Nothing below this file touches Node APIs, so client code may
// import it as values; grader/index.ts is the server door. `npm run lint` keeps lib/ to these two
// doors (eslint.config.js). Edit when the browser needs more from grader/.
export * as np from "./np/index";
export type { NDArray } from "./np/index";
export { isNDArray, fromFlat } from "./np/interop";
export { loadPlanarDataset } from "./nn/planar";
export { countsAsAttempt } from "./grading/attempts";
