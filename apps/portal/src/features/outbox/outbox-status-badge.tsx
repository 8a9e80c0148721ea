import { useTranslations } from "next-intl";
import type { OutboxStatus } from "../../server/routers/outbox/outbox.schema";

const styles: Record<OutboxStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  sending: "bg-blue-100 text-blue-900",
  sent: "bg-green-100 text-green-900",
  captured: "bg-slate-200 text-slate-800",
  dead: "bg-red-100 text-red-900",
  cancelled: "bg-slate-100 text-slate-600 line-through",
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = useTranslations("outbox.statuses");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${styles[status]}`}
      data-status={status}
    >
      {t(status)}
    </span>
  );
}
