// A value shown numpy-style with its shape.
import { formatShown, shapeOf } from "@/lib/ui/format-value";

export function ValueView({ value, label }: { value: unknown; label: string }) {
  const shape = shapeOf(value);
  return (
    <div>
      <div className="muted" style={{ fontSize: "0.85rem" }}>
        {label}
        {shape ? ` · shape ${shape}` : ""}
      </div>
      <pre style={{ margin: "0.25rem 0" }}>{formatShown(value)}</pre>
    </div>
  );
}
