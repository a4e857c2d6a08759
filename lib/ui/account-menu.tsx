// The account menu: sign in / sign up links for anonymous visitors, the name and sign out for
// learners.
"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { authClient } from "./auth-client";

export function AccountMenu({ user }: { user: { name: string; email: string } | null }) {
  const t = useTranslations("nav");
  const router = useRouter();
  if (user === null) {
    return (
      <>
        <Link className="button" href="/sign-in">
          {t("signIn")}
        </Link>
        <Link className="button primary" href="/sign-up">
          {t("signUp")}
        </Link>
      </>
    );
  }
  return (
    <details className="account-menu">
      <summary className="button" data-testid="account-menu">
        {user.name || user.email}
      </summary>
      <div className="card" style={{ position: "absolute", right: "1rem", zIndex: 5 }}>
        <p className="muted">{user.email}</p>
        <button
          type="button"
          onClick={() => {
            void authClient.signOut().then(() => {
              router.push("/");
              router.refresh();
            });
          }}
        >
          {t("signOut")}
        </button>
      </div>
    </details>
  );
}
