// zero-initialization's plot after Run: each hidden unit's weight W1[i][0] during gradient descent
// on the planar data, from the learner's initialization and, beside it, from a small seeded random
// one. Identical units draw one line (symmetry never breaks); random ones move apart. Each panel
// says in words whether the units stayed identical, with the largest difference between them.
"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SymmetryPlotSpec } from "./plot-config";
import { hiddenUnitTrajectories, parseParameters, planarData, randomParameters, type ShallowParameters, type WeightTrajectories } from "./shallow-network";

const UNIT_COLOURS = ["#1d4ed8", "#dc2626", "#15803d", "#a16207", "#7c3aed", "#0e7490"] as const;
const UNIT_DASHES = ["", "6 3", "2 3", "8 3 2 3"] as const;

/** Both panels' trajectories, or null when the learner's parameters are malformed. */
export function symmetrySeries(spec: SymmetryPlotSpec, learner: unknown): { learner: WeightTrajectories; random: WeightTrajectories } | null {
  const parsed = parseParameters(learner, spec.sizes);
  if (parsed === null) return null;
  const train = (initial: ShallowParameters) =>
    hiddenUnitTrajectories(initial, planarData(), { iterations: spec.iterations, learningRate: spec.learningRate, every: spec.every, input: 0 });
  return { learner: train(parsed), random: train(randomParameters(spec.sizes, spec.randomSeed)) };
}

export function SymmetryPlot({ spec, learner }: { spec: SymmetryPlotSpec; learner: unknown }) {
  const t = useTranslations("plot");
  // Two thousand steps of gradient descent: once per Run result, not on every render.
  const series = useMemo(() => symmetrySeries(spec, learner), [spec, learner]);
  if (series === null) return null;
  return (
    <figure style={{ margin: 0 }} data-testid="symmetry-plot" aria-labelledby="symmetry-plot-title" aria-describedby="symmetry-plot-note">
      <figcaption id="symmetry-plot-title" style={{ fontWeight: 600 }}>
        {t("symmetryTitle")}
      </figcaption>
      <p id="symmetry-plot-note" className="muted" style={{ margin: "0.25rem 0" }}>
        {t("symmetryNote", { iterations: spec.iterations, rate: spec.learningRate })}
      </p>
      <div style={{ display: "grid", gap: "1rem", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))" }}>
        <SymmetryPanel id="learner" title={t("symmetryLearner")} run={series.learner} units={spec.sizes.nH} />
        <SymmetryPanel id="random" title={t("symmetryRandom")} run={series.random} units={spec.sizes.nH} />
      </div>
    </figure>
  );
}

function SymmetryPanel({ id, title, run, units }: { id: string; title: string; run: WeightTrajectories; units: number }) {
  const t = useTranslations("plot");
  const unitKeys = Array.from({ length: units }, (_, i) => `unit${i + 1}`);
  const data = run.points.map((p) => ({ iteration: p.iteration, ...Object.fromEntries(p.weights.map((w, i) => [`unit${i + 1}`, Number.isFinite(w) ? w : null])) }));
  const identical = run.maxSpread === 0;
  const summary = Number.isNaN(run.maxSpread)
    ? t("symmetryNotFinite")
    : t(identical ? "symmetryIdentical" : "symmetryDiverge", { spread: formatSpread(run.maxSpread) });
  return (
    <section aria-labelledby={`symmetry-${id}-title`} data-testid={`symmetry-plot-${id}`}>
      <h3 id={`symmetry-${id}-title`} style={{ margin: 0, fontSize: "0.95rem" }}>
        {title}
      </h3>
      <div style={{ width: "100%", height: 280 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="iteration" type="number" domain={[0, "dataMax"]} stroke="var(--fg-muted)" label={{ value: t("symmetryAxisIteration"), position: "insideBottom", offset: -12 }} />
            <YAxis stroke="var(--fg-muted)" width={56} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: "W1[i][0]", angle: -90, position: "insideLeft" }} />
            <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(4) : String(v))} />
            <Legend verticalAlign="top" />
            {unitKeys.map((key, i) => (
              <Line
                key={key}
                dataKey={key}
                name={t("symmetryUnit", { unit: i + 1 })}
                stroke={UNIT_COLOURS[i % UNIT_COLOURS.length]}
                strokeDasharray={UNIT_DASHES[i % UNIT_DASHES.length]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p data-testid={`symmetry-plot-${id}-summary`} data-spread={run.maxSpread}>
        {summary}
      </p>
    </section>
  );
}

function formatSpread(spread: number): string {
  if (spread === 0) return "0";
  return spread < 1e-3 ? spread.toExponential(1) : spread.toPrecision(3);
}
