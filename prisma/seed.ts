// Development seed (`npm run db:seed`, or `npm run -s lab -- db seed`): a demo instructor and a
// demo learner, created with the test factories so they are real better-auth accounts.
// Idempotent; refuses to run in production (the passwords are public).
import { createUser } from "../tests/factories";
import { selectUserByEmail } from "../lib/server/data/users";

export const DEMO_PASSWORD = "backprop-demo-1234";
export const DEMO_ACCOUNTS = [
  { email: "instructor@backprop.local", name: "Demo Instructor", role: "instructor" },
  { email: "learner@backprop.local", name: "Demo Learner", role: "learner" },
] as const;

/** Creates the demo accounts that do not exist yet; returns the emails it created. */
export async function seedDemoAccounts(): Promise<string[]> {
  if (process.env.NODE_ENV === "production") throw new Error("db seed creates accounts with public passwords; it refuses to run in production.");
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if ((await selectUserByEmail(account.email)) !== null) continue;
    await createUser({ ...account, password: DEMO_PASSWORD });
    created.push(account.email);
  }
  return created;
}
