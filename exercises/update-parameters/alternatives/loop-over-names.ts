// A loop over the parameter names, with NDArray methods.
import type { NDArray } from "np";

type Name = "W1" | "b1" | "W2" | "b2";

export function updateParameters(
  parameters: Record<Name, NDArray>,
  grads: Record<`d${Name}`, NDArray>,
  learningRate = 1.2,
): Record<Name, NDArray> {
  const names: Name[] = ["W1", "b1", "W2", "b2"];
  const updated = { ...parameters };
  for (const name of names) updated[name] = parameters[name].sub(grads[`d${name}`].mul(learningRate));
  return updated;
}
