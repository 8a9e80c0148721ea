import type { AuditAction, EvidenceKind, Language } from "@purposeful/domain";
import { auditWordsDe } from "./audit-words-de.ts";
import { auditWordsEn } from "./audit-words-en.ts";

/**
 * The audit trail's codes in words for the data subject (Art. 12(1) GDPR: clear and plain language),
 * part of the access report's texts (report-texts.ts). Keyed by the domain's lists, so a new audit
 * action or evidence kind does not compile until it has words in every language.
 */
export interface AuditWords {
  /** what happened; who did it is printed beside it (`actorTypes`) */
  auditActions: Record<AuditAction, string>;
  /** an action the code no longer writes, still in older rows: said neutrally, with its code */
  otherAuditAction: (code: string) => string;
  /** how a consent is proven (Art. 7(1) GDPR) */
  evidenceKinds: Record<EvidenceKind, string>;
}

export const auditWords = { de: auditWordsDe, en: auditWordsEn } satisfies Record<Language, AuditWords>;
