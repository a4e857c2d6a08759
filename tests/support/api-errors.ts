// Reads the API's error body (lib/server/api/contract.ts ApiErrorBody) in route-handler tests.
import type { ApiErrorBody } from "../../lib/server/api/contract";

export async function errorOf(response: Response): Promise<ApiErrorBody["error"]> {
  return ((await response.json()) as ApiErrorBody).error;
}
