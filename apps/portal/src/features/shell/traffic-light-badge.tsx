import type { TrafficLight } from "@purposeful/domain";

const styles: Record<TrafficLight, string> = {
  green: "bg-green-100 text-green-900 ring-green-700",
  yellow: "bg-yellow-100 text-yellow-900 ring-yellow-700",
  red: "bg-red-100 text-red-900 ring-red-700",
};
const dots: Record<TrafficLight, string> = {
  green: "bg-green-600",
  yellow: "bg-yellow-500",
  red: "bg-red-600",
};

/** Colour plus text, so the light never depends on colour vision alone. */
export function TrafficLightBadge({ light, label }: { light: TrafficLight; label: string }) {
  return (
    <span
      data-light={light}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${styles[light]}`}
    >
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${dots[light]}`} />
      {label}
    </span>
  );
}
