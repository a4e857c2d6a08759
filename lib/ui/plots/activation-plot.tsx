// The learner's activation (or derivative) against the reference over a range of z, from the Run
// results on a linspace. The reference curve is a formula (lib/ui/plots/plot-config.ts), never
// the reference solution. Disagreements are highlighted and summarised for screen readers.
"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { isShownArray } from "@/lib/run/shown";
import { ACTIVATION_FORMULAS, linspace, type PlotSpec } from "./plot-config";

const DISAGREE_TOL = 1e-6;

export function activationSeries(spec: Extract<PlotSpec, { kind: "activation" }>, learner: unknown, args: Record<string, unknown>) {
  const zs = linspace(spec.from, spec.to, spec.points);
  const flat = isShownArray(learner) ? (learner.values as unknown[]).flat(3) : [];
  const alpha = typeof args.alpha === "number" ? args.alpha : null;
  const formula = ACTIVATION_FORMULAS[spec.formula];
  return zs.map((z, i) => {
    let reference = formula(z);
    // Leaky ReLU takes its slope from the example's alpha when there is one.
    if (alpha !== null && spec.formula === "leaky-relu" && z <= 0) reference = alpha * z;
    if (alpha !== null && spec.formula === "leaky-relu-derivative" && z <= 0) reference = alpha;
    const raw = flat[i];
    const yours = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
    const disagree = yours === null || Math.abs(yours - reference) > DISAGREE_TOL + 1e-6 * Math.abs(reference);
    return { z: Number(z.toFixed(4)), reference, yours, disagreement: disagree ? (yours ?? reference) : null };
  });
}

export function ActivationPlot({ spec, learner, args }: { spec: Extract<PlotSpec, { kind: "activation" }>; learner: unknown; args: Record<string, unknown> }) {
  const t = useTranslations("plot");
  const data = activationSeries(spec, learner, args);
  const disagreements = data.filter((d) => d.disagreement !== null).length;
  const summary =
    disagreements === 0
      ? t("activationAgree", { from: spec.from, to: spec.to })
      : t("activationSummary", { from: spec.from, to: spec.to, count: disagreements });
  return (
    <figure style={{ margin: 0 }} data-testid="activation-plot" aria-labelledby="activation-plot-title" aria-describedby="activation-plot-summary">
      <figcaption id="activation-plot-title" style={{ fontWeight: 600 }}>
        {t("activationTitle")}
      </figcaption>
      <div style={{ width: "100%", height: 260 }} aria-hidden="true">
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="z" type="number" domain={[spec.from, spec.to]} label={{ value: "z", position: "insideBottom", offset: -12 }} stroke="var(--fg-muted)" />
            <YAxis stroke="var(--fg-muted)" label={{ value: "g(z)", angle: -90, position: "insideLeft" }} width={56} />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Line type="monotone" dataKey="reference" name={t("reference")} stroke="#6b7280" strokeWidth={4} dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="yours" name={t("learner")} stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
            <Scatter dataKey="disagreement" name={t("disagree")} fill="var(--bad)" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p id="activation-plot-summary" className={disagreements === 0 ? "ok" : "bad"} data-testid="activation-plot-summary">
        {summary}
      </p>
    </figure>
  );
}

