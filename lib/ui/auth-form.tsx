// Sign in / sign up with email and password through better-auth's client; on success, back to
// where the learner came from (?next=, same-site paths only). The form posts (a password never
// goes into a URL) and cannot be submitted before the page's JavaScript has loaded. The server's
// refusals are shown in the learner's language.
"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { authClient } from "./auth-client";

function safeNext(next: string | null): string {
  // Only local paths: "//evil.example" and absolute URLs would be open redirects.
  return next !== null && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

type AuthT = ReturnType<typeof useTranslations<"auth">>;

/** A translated message for better-auth's error codes and ours (lib/server/auth.server.ts). */
function explain(t: AuthT, error: { code?: string | undefined; message?: string | undefined; status: number; statusText: string }): string {
  switch (error.code) {
    case "INVALID_ORIGIN":
      return t("errorInvalidOrigin", { origin: window.location.origin });
    case "INVALID_EMAIL_OR_PASSWORD":
      return t("errorInvalidCredentials");
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return t("errorUserExists");
    case "PASSWORD_TOO_SHORT":
    case "PASSWORD_TOO_LONG":
      return t("errorPasswordLength");
    case "INVALID_EMAIL":
      return t("errorInvalidEmail");
    case "FIELD_TOO_LONG":
    case "PAYLOAD_TOO_LARGE":
      return t("errorTooLong");
    case "INVALID_CHARACTER":
      return t("errorInvalidCharacter");
  }
  if (error.status === 429) return t("errorTooManyRequests");
  return t("failed", { message: error.message ?? error.statusText });
}

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const search = useSearchParams();
  const next = safeNext(search.get("next"));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until React has attached the submit handler, a submit would be the browser's own.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const onSubmit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    const email = field(form, "email");
    const password = field(form, "password");
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({ email, password, name: field(form, "name") });
    setBusy(false);
    if (result.error) {
      setError(explain(t, result.error));
      return;
    }
    router.push(next);
    router.refresh();
  };

  return (
    <form
      className="card stack auth-form"
      method="post"
      data-hydrated={hydrated}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(new FormData(event.currentTarget));
      }}
    >
      <h1 style={{ margin: 0 }}>{mode === "sign-in" ? t("signInTitle") : t("signUpTitle")}</h1>
      {mode === "sign-up" ? (
        <label>
          {t("name")}
          <input name="name" autoComplete="name" required maxLength={100} />
        </label>
      ) : null}
      <label>
        {t("email")}
        <input name="email" type="email" autoComplete="email" required maxLength={254} />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete={mode === "sign-in" ? "current-password" : "new-password"} required minLength={8} maxLength={128} />
      </label>
      {error ? (
        <p className="bad" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !hydrated}>
        {!hydrated ? t("hydrating") : mode === "sign-in" ? t("submitSignIn") : t("submitSignUp")}
      </button>
      <p className="muted">
        {mode === "sign-in" ? t("noAccount") : t("haveAccount")}{" "}
        <Link href={`${mode === "sign-in" ? "/sign-up" : "/sign-in"}?next=${encodeURIComponent(next)}`}>{mode === "sign-in" ? t("submitSignUp") : t("submitSignIn")}</Link>
      </p>
    </form>
  );
}
