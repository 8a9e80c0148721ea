import { accessReportsRouter } from "./routers/access-reports/router";
import { auditRouter } from "./routers/audit/router";
import { campaignsRouter } from "./routers/campaigns/router";
import { consentRequestsRouter } from "./routers/consent-requests/router";
import { dashboardRouter } from "./routers/dashboard/router";
import { documentsRouter } from "./routers/documents/router";
import { erasureRouter } from "./routers/erasure/router";
import { followUpsRouter } from "./routers/follow-ups/router";
import { incidentsRouter } from "./routers/incidents/router";
import { kioskRouter } from "./routers/kiosk/router";
import { listsRouter } from "./routers/lists/router";
import { meRouter } from "./routers/me/router";
import { outboxRouter } from "./routers/outbox/router";
import { personsRouter } from "./routers/persons/router";
import { purposesRouter } from "./routers/purposes/router";
import { recordsRouter } from "./routers/records/router";
import { requestsRouter } from "./routers/requests/router";
import { retentionRouter } from "./routers/retention/router";
import { settingsRouter } from "./routers/settings/router";
import { signatureRouter } from "./routers/signature/router";
import { staffRouter } from "./routers/staff/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  consentRequests: consentRequestsRouter,
  audit: auditRouter,
  campaigns: campaignsRouter,
  dashboard: dashboardRouter,
  documents: documentsRouter,
  accessReports: accessReportsRouter,
  requests: requestsRouter,
  incidents: incidentsRouter,
  erasure: erasureRouter,
  followUps: followUpsRouter,
  kiosk: kioskRouter,
  lists: listsRouter,
  me: meRouter,
  outbox: outboxRouter,
  persons: personsRouter,
  purposes: purposesRouter,
  records: recordsRouter,
  retention: retentionRouter,
  settings: settingsRouter,
  signature: signatureRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
