// numpy's exception names, so a learner who has seen numpy recognises the failure.
// Messages are worded exactly as numpy words them (see fixtures/errors.json).
export class ValueError extends Error {
  override name = "ValueError";
}

// numpy's AxisError subclasses both ValueError and IndexError; we keep the ValueError side.
export class AxisError extends ValueError {
  override name = "AxisError";
}

export class IndexError extends Error {
  override name = "IndexError";
}
