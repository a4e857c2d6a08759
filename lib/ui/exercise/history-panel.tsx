// Submission history for one exercise: time, verdict, open an old submission in the editor, and a
// line diff between any two (the `diff` package).
"use client";
import { diffLines } from "diff";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { fetchSubmission, type SubmissionView } from "./api";

export function HistoryPanel({ history, onOpen }: { history: readonly SubmissionView[]; onOpen: (code: string) => void }) {
  const t = useTranslations("history");
  const label = useTranslations("workspace");
  const format = useFormatter();
  // With the time zone: a learner comparing with a classmate or the server log must not guess it.
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "long" });
  const [picked, setPicked] = useState<string[]>([]);
  const [diff, setDiff] = useState<{ added: boolean; removed: boolean; value: string }[] | null>(null);

  const codeOf = async (id: string): Promise<string> => {
    const known = history.find((s) => s.id === id)?.code;
    return known ?? (await fetchSubmission(id)).code ?? "";
  };

  const toggle = (id: string) => {
    setDiff(null);
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-2)));
  };

  const compare = async () => {
    const [a, b] = picked;
    if (!a || !b) return;
    // Older first, so additions are what changed since.
    const [older, newer] = history.findIndex((s) => s.id === a) > history.findIndex((s) => s.id === b) ? [a, b] : [b, a];
    const changes = diffLines(await codeOf(older), await codeOf(newer));
    setDiff(changes.map((c) => ({ added: c.added, removed: c.removed, value: c.value })));
  };

  return (
    <section className="card stack" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading" style={{ margin: 0 }}>
        {t("title")}
      </h2>
      {history.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("compare")}</th>
              <th scope="col">{t("time")}</th>
              <th scope="col">{t("result")}</th>
              <th scope="col">
                <span className="sr-only">{t("open")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((s) => {
              // A fresh submission carries its verdict; list entries only its status and score.
              const status = s.verdict?.status ?? s.result ?? (s.status === "error" ? "error" : null);
              const score = s.verdict?.score ?? (s.result ? s.score : null);
              return (
                <tr key={s.id} data-testid="history-row">
                  <td>
                    <input type="checkbox" aria-label={`${t("compare")} ${when(s.createdAt)}`} checked={picked.includes(s.id)} onChange={() => toggle(s.id)} />
                  </td>
                  <td>
                    <time dateTime={s.createdAt} data-testid="history-time">
                      {when(s.createdAt)}
                    </time>
                  </td>
                  <td>
                    {status ? <span className={`badge ${status}`}>{label(`status.${status}`)}</span> : <span className="muted">{t("pending")}</span>}
                    {score !== null && score !== undefined ? ` ${Math.round(score * 100)}%` : ""}
                  </td>
                  <td>
                    <button type="button" onClick={() => void codeOf(s.id).then(onOpen)}>
                      {t("open")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {history.length > 1 ? (
        <div className="row">
          <button type="button" onClick={() => void compare()} disabled={picked.length !== 2}>
            {t("compare")}
          </button>
          {picked.length !== 2 ? <span className="muted">{t("pickTwo")}</span> : null}
        </div>
      ) : null}
      {diff ? (
        <figure style={{ margin: 0 }}>
          <figcaption>{t("diffTitle")}</figcaption>
          <pre data-testid="history-diff">
            {diff.map((part, i) => (
              <span key={i} className={part.added ? "diff-add" : part.removed ? "diff-del" : undefined}>
                {part.value
                  .replace(/\n$/, "")
                  .split("\n")
                  .map((line) => `${part.added ? "+ " : part.removed ? "- " : "  "}${line}`)
                  .join("\n")}
                {"\n"}
              </span>
            ))}
          </pre>
        </figure>
      ) : null}
    </section>
  );
}
