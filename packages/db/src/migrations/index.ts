import type { Migration } from "kysely";
import * as m0001 from "./0001-foundation.ts";
import * as m0002 from "./0002-outbox-dispatch.ts";
import * as m0003 from "./0003-microsite-sessions.ts";
import * as m0004 from "./0004-trustworthy-consent.ts";
import * as m0009 from "./0009-bulk-job-cursor-index.ts";
import * as m0010 from "./0010-marketing-selections.ts";
import * as m0011 from "./0011-consent-campaigns.ts";
import * as m0012 from "./0012-admissibility-indexes.ts";
import * as m0013 from "./0013-erasure-retention.ts";
import * as m0014 from "./0014-erasure-indexes.ts";
import * as m0016 from "./0016-retain-until.ts";
import * as m0017 from "./0017-access-reports.ts";
import * as m0018 from "./0018-report-attachments.ts";
import * as m0019 from "./0019-request-cases.ts";
import * as m0020 from "./0020-incident-cases.ts";
import * as m0021 from "./0021-follow-ups.ts";
import * as m0022 from "./0022-microsite-requests.ts";
import * as m0023 from "./0023-light-snapshots.ts";

// Append-only and explicit: a new migration is a new file added to the end of this list.
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
  "0002-outbox-dispatch": m0002,
  "0003-microsite-sessions": m0003,
  "0004-trustworthy-consent": m0004,
  "0009-bulk-job-cursor-index": m0009,
  "0010-marketing-selections": m0010,
  "0011-consent-campaigns": m0011,
  "0012-admissibility-indexes": m0012,
  "0013-erasure-retention": m0013,
  "0014-erasure-indexes": m0014,
  "0016-retain-until": m0016,
  "0017-access-reports": m0017,
  "0018-report-attachments": m0018,
  "0019-request-cases": m0019,
  "0020-incident-cases": m0020,
  "0021-follow-ups": m0021,
  "0022-microsite-requests": m0022,
  "0023-light-snapshots": m0023,
};
