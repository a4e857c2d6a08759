"use client";
// The browser side of accounts (better-auth's React client) for the site's pages:
// `signUp.email({ email, password, name })`, `signIn.email({ email, password })`, `signOut()`,
// `useSession()` (its `data.user.role` is learner | instructor | admin). The server side is
// lib/server/auth.server.ts; both talk through /api/auth.
import { inferAdditionalFields } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({
  basePath: "/api/auth",
  plugins: [inferAdditionalFields({ user: { role: { type: "string", input: false } } })],
});

export const { signIn, signUp, signOut, useSession } = authClient;
