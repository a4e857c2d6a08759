// The gradient check per parameter: relative difference between the learner's analytic gradient
// and centred differences, on a log scale, with the course's threshold, plus a table.
"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const THRESHOLD = 2e-7;

export function GradientCheckPlot({ check }: { check: { difference: number; perParameter: Record<string, number> } }) {
  const t = useTranslations("plot");
  const tv = useTranslations("verdict");
  const rows = Object.entries(check.perParameter).map(([parameter, difference]) => ({
    parameter,
    difference,
    // log scale needs a positive value; an exact match is drawn at the bottom of the axis.
    plotted: Math.max(difference, 1e-16),
  }));
  const worst = rows.reduce((a, b) => (b.difference > a.difference ? b : a), rows[0] ?? { parameter: "-", difference: 0, plotted: 0 });
  return (
    <figure style={{ margin: 0 }} data-testid="gradient-check" aria-labelledby="gc-title" aria-describedby="gc-summary">
      <figcaption id="gc-title" style={{ fontWeight: 600 }}>
        {t("gradientTitle")}
      </figcaption>
      <div style={{ width: "100%", height: 220 }} aria-hidden="true">
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="parameter" stroke="var(--fg-muted)" label={{ value: tv("parameter"), position: "insideBottom", offset: -12 }} />
            <YAxis scale="log" domain={[1e-16, 1]} stroke="var(--fg-muted)" width={64} tickFormatter={(v: number) => v.toExponential(0)} allowDataOverflow />
            <Tooltip />
            <ReferenceLine y={THRESHOLD} stroke="var(--warn)" strokeDasharray="4 4" label={{ value: "2e-7", position: "right" }} />
            <Bar dataKey="plotted" name={tv("difference")} fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p id="gc-summary" className="sr-only">
        {t("gradientSummary", { count: rows.length, worst: worst.parameter, value: worst.difference.toExponential(2) })}
      </p>
      <table className="data">
        <caption className="sr-only">{tv("gradientCheck")}</caption>
        <thead>
          <tr>
            <th scope="col">{tv("parameter")}</th>
            <th scope="col">{tv("difference")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.parameter}>
              <td>{row.parameter}</td>
              <td className={row.difference > THRESHOLD ? "bad" : "ok"}>{row.difference.toExponential(2)}</td>
            </tr>
          ))}
          <tr>
            <td>{tv("overall")}</td>
            <td className={check.difference > THRESHOLD ? "bad" : "ok"}>{check.difference.toExponential(2)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
