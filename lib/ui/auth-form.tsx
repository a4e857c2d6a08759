// Sign in / sign up with email and password through better-auth's client; on success, back to
// where the learner came from (?next=, same-site paths only).
"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { authClient } from "./auth-client";

function safeNext(next: string | null): string {
  // Only local paths: "//evil.example" and absolute URLs would be open redirects.
  return next !== null && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const search = useSearchParams();
  const next = safeNext(search.get("next"));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      setError(result.error.message ?? result.error.statusText);
      return;
    }
    router.push(next);
    router.refresh();
  };

  return (
    <form
      className="card stack auth-form"
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
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete={mode === "sign-in" ? "current-password" : "new-password"} required minLength={8} />
      </label>
      {error ? (
        <p className="bad" role="alert">
          {t("failed", { message: error })}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {mode === "sign-in" ? t("submitSignIn") : t("submitSignUp")}
      </button>
      <p className="muted">
        {mode === "sign-in" ? t("noAccount") : t("haveAccount")}{" "}
        <Link href={`${mode === "sign-in" ? "/sign-up" : "/sign-in"}?next=${encodeURIComponent(next)}`}>{mode === "sign-in" ? t("submitSignUp") : t("submitSignIn")}</Link>
      </p>
    </form>
  );
}
