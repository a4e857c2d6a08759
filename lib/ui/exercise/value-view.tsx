// A value shown numpy-style with its shape (a server and client component: next-intl works in both).
import { useTranslations } from "next-intl";
import { formatShown, shapeOf, truncationOf } from "@/lib/ui/format-value";

export function ValueView({ value, label }: { value: unknown; label: string }) {
  const t = useTranslations("workspace");
  const shape = shapeOf(value);
  const truncation = truncationOf(value);
  return (
    <div>
      <div className="muted" style={{ fontSize: "0.85rem" }}>
        {label}
        {shape ? ` · ${t("shape", { shape })}` : ""}
        {truncation ? ` · ${t("truncated", { shown: truncation.shown, total: truncation.total })}` : ""}
      </div>
      <pre style={{ margin: "0.25rem 0" }}>{formatShown(value)}</pre>
    </div>
  );
}
