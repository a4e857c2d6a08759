// nn-model's plots after Run: the cost J of the learner's model against the number of training
// iterations (one probe per checkpoint, same seeded initialization) and the decision boundary of
// the fully trained parameters over the planar data, with the training accuracy. Everything is
// computed from the learner's returned parameters (shallow-network.ts); no reference solution.
"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { RunResult } from "@/lib/run/execute";
import type { TrainingPlotSpec } from "./plot-config";
import {
  costCurve,
  decisionBoundary,
  isFiniteParameters,
  parseParameters,
  planarData,
  type CostPoint,
  type DecisionBoundary,
  type ShallowParameters,
} from "./shallow-network";

const CLASS_COLOURS = ["#dc2626", "#2563eb"] as const;

export interface TrainingPlotData {
  readonly costs: readonly CostPoint[];
  /** null when the trained parameters are not finite (a diverged training). */
  readonly boundary: DecisionBoundary | null;
}

/** The plots' data from the probes, or null when any checkpoint failed or returned malformed parameters. */
export function trainingPlotData(spec: TrainingPlotSpec, probes: RunResult["probes"]): TrainingPlotData | null {
  const sizes = { nX: 2, nH: spec.hiddenUnits, nY: 1 };
  const trained: ShallowParameters[] = [];
  for (const k of spec.checkpoints) {
    const probe = probes.find((p) => p.name === `iterations-${k}`);
    const parsed = probe && !probe.error ? parseParameters(probe.actual, sizes) : null;
    if (parsed === null) return null;
    trained.push(parsed);
  }
  const data = planarData();
  const final = trained.at(-1);
  return {
    costs: costCurve(spec.checkpoints, trained, data),
    boundary: final && isFiniteParameters(final) ? decisionBoundary(final, data, spec.gridSize) : null,
  };
}

export function TrainingPlots({ spec, probes }: { spec: TrainingPlotSpec; probes: RunResult["probes"] }) {
  const plot = useMemo(() => trainingPlotData(spec, probes), [spec, probes]);
  if (plot === null) return null;
  return (
    <>
      <CostCurvePlot spec={spec} costs={plot.costs} />
      <DecisionBoundaryPlot spec={spec} boundary={plot.boundary} />
    </>
  );
}

function CostCurvePlot({ spec, costs }: { spec: TrainingPlotSpec; costs: readonly CostPoint[] }) {
  const t = useTranslations("plot");
  const finite = costs.filter((c) => c.cost !== null);
  const first = finite[0];
  const last = finite.at(-1);
  const diverged = costs.length - finite.length;
  const to = spec.checkpoints.at(-1) ?? 1;
  return (
    <figure style={{ margin: 0 }} data-testid="cost-curve" aria-labelledby="cost-curve-title" aria-describedby="cost-curve-summary">
      <figcaption id="cost-curve-title" style={{ fontWeight: 600 }}>
        {t("costTitle")}
      </figcaption>
      <div style={{ width: "100%", height: 240 }} aria-hidden="true">
        <ResponsiveContainer>
          <ComposedChart data={costs} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              dataKey="iteration"
              type="number"
              scale="log"
              domain={[1, to]}
              ticks={logTicks(to)}
              stroke="var(--fg-muted)"
              label={{ value: t("costAxisIteration"), position: "insideBottom", offset: -12 }}
            />
            <YAxis stroke="var(--fg-muted)" domain={[0, "auto"]} width={56} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: t("costAxisCost"), angle: -90, position: "insideLeft" }} />
            <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(4) : String(v))} />
            <Line type="monotone" dataKey="cost" name={t("costAxisCost")} stroke="var(--accent)" strokeWidth={2} dot isAnimationActive={false} connectNulls={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p id="cost-curve-summary" data-testid="cost-curve-summary" className={diverged > 0 ? "bad" : undefined}>
        {first && last && first.cost !== null && last.cost !== null
          ? t("costSummary", { first: first.iteration, start: first.cost.toFixed(4), last: last.iteration, end: last.cost.toFixed(4), seed: spec.npSeed })
          : null}{" "}
        {diverged > 0 ? t("costDiverged", { count: diverged }) : null}
      </p>
    </figure>
  );
}

function DecisionBoundaryPlot({ spec, boundary }: { spec: TrainingPlotSpec; boundary: DecisionBoundary | null }) {
  const t = useTranslations("plot");
  if (boundary === null) {
    return (
      <p className="bad" data-testid="decision-boundary-missing">
        {t("boundaryNotFinite")}
      </p>
    );
  }
  const [x0, x1] = boundary.xDomain;
  const [y0, y1] = boundary.yDomain;
  const total = boundary.points.length;
  const correct = Math.round(boundary.accuracy * total);
  const byLabel = [0, 1].map((label) => boundary.points.filter((p) => p.label === label));
  return (
    <figure style={{ margin: 0 }} data-testid="decision-boundary" aria-labelledby="decision-boundary-title" aria-describedby="decision-boundary-summary">
      <figcaption id="decision-boundary-title" style={{ fontWeight: 600 }}>
        {t("boundaryTitle")}
      </figcaption>
      <div style={{ width: "100%", maxWidth: 420, aspectRatio: "1 / 1" }} aria-hidden="true">
        <ResponsiveContainer>
          <ComposedChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <XAxis dataKey="x" type="number" domain={[x0, x1]} stroke="var(--fg-muted)" allowDataOverflow label={{ value: "x₁", position: "insideBottom", offset: -12 }} />
            <YAxis dataKey="y" type="number" domain={[y0, y1]} stroke="var(--fg-muted)" allowDataOverflow width={40} label={{ value: "x₂", angle: -90, position: "insideLeft" }} />
            <ReferenceArea x1={x0} x2={x1} y1={y0} y2={y1} fill={CLASS_COLOURS[0]} fillOpacity={0.15} stroke="none" />
            {boundary.classOne.map((r, i) => (
              <ReferenceArea key={i} x1={r.x1} x2={r.x2} y1={r.y1} y2={r.y2} fill={CLASS_COLOURS[1]} fillOpacity={0.2} stroke="none" shapeRendering="crispEdges" />
            ))}
            <ZAxis range={[24, 24]} />
            <Legend verticalAlign="top" />
            <Scatter data={byLabel[0]} name={t("boundaryClass0")} fill={CLASS_COLOURS[0]} shape="circle" legendType="circle" isAnimationActive={false} />
            <Scatter data={byLabel[1]} name={t("boundaryClass1")} fill={CLASS_COLOURS[1]} shape="triangle" legendType="triangle" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p id="decision-boundary-summary" data-testid="decision-boundary-summary" data-accuracy={boundary.accuracy}>
        {t("boundarySummary", { grid: spec.gridSize, accuracy: (boundary.accuracy * 100).toFixed(1), correct, total })}
      </p>
    </figure>
  );
}

/** 1, 10, 100, … up to `to`: the log axis's ticks. */
function logTicks(to: number): number[] {
  const ticks: number[] = [];
  for (let v = 1; v <= to; v *= 10) ticks.push(v);
  return ticks;
}
