// Stand-in for lib/auth-client.ts (the data layer's better-auth client) until it lands: the same
// createAuthClient on this origin, so the sign-in pages and the account menu work meanwhile.
"use client";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
