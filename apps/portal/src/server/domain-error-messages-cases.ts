import type { DomainErrorReason } from "@purposeful/domain";
import type { Localized } from "./domain-error-messages";

/** The messages of request cases and incidents (issue 11), merged into `domainReasonMessages`. */
type CaseReason = Extract<
  DomainErrorReason,
  | "case_step_not_found"
  | "case_step_already_done"
  | "identity_not_verified"
  | "case_step_not_next"
  | "case_step_role"
  | "case_step_not_skippable"
  | "skip_reason_required"
  | "request_already_extended"
  | "extension_reason_required"
  | "extension_too_late"
  | "request_not_found"
  | "request_closed"
  | "request_received_in_future"
  | "request_received_required"
  | "assignee_not_found"
  | "case_item_not_found"
  | "too_many_persons_to_link"
  | "answer_reasons_required"
  | "request_answer_waiting"
  | "request_not_extended"
  | "extension_notice_late"
  | "request_no_email"
  | "request_link_invalid"
  | "request_message_too_long"
  | "incident_not_found"
  | "incident_closed"
  | "incident_aware_in_future"
  | "incident_aware_required"
  | "risk_reasons_required"
  | "risk_not_assessed"
  | "delay_reason_required"
  | "invalid_notification_time"
  | "follow_up_not_found"
  | "follow_up_done"
  | "follow_up_not_yours"
  | "follow_up_about_required"
  | "follow_up_due_in_past"
  | "follow_up_postpone_reason_required"
  | "follow_up_postpone_not_future"
  | "subjects_notification_not_allowed"
>;

export const caseReasonMessages: Record<CaseReason, Localized> = {
  case_step_not_found: {
    de: "Diesen Schritt gibt es in diesem Vorgang nicht.",
    en: "This case has no such step.",
  },
  case_step_already_done: {
    de: "Dieser Schritt ist bereits erledigt.",
    en: "This step is already done.",
  },
  identity_not_verified: {
    de: "Bitte prüfen Sie zuerst die Identität der anfragenden Person (Art. 12 Abs. 6 DSGVO). Vorher werden keine Daten herausgegeben oder gelöscht.",
    en: "Please verify the requester's identity first (Art. 12(6) GDPR). No data is disclosed or erased before that.",
  },
  case_step_not_next: {
    de: "Bitte erledigen Sie zuerst die Schritte davor (oder überspringen Sie sie mit Begründung).",
    en: "Please complete the steps before this one first (or skip them with a reason).",
  },
  case_step_role: {
    de: "Diesen Schritt darf nur der oder die Datenschutzbeauftragte erledigen.",
    en: "Only the data protection officer may complete this step.",
  },
  case_step_not_skippable: {
    de: "Dieser Schritt kann nicht übersprungen werden.",
    en: "This step cannot be skipped.",
  },
  skip_reason_required: {
    de: "Bitte begründen Sie, warum Sie diesen Schritt überspringen.",
    en: "Please give a reason for skipping this step.",
  },
  request_already_extended: {
    de: "Die Frist dieser Anfrage wurde bereits verlängert; Art. 12 Abs. 3 DSGVO erlaubt das nur einmal, um zwei Monate.",
    en: "This request's deadline was already extended; Art. 12(3) GDPR allows that once, by two months.",
  },
  extension_reason_required: {
    de: "Eine Fristverlängerung braucht eine Begründung (Komplexität oder Anzahl der Anträge, Art. 12 Abs. 3 DSGVO); die Person erfährt sie.",
    en: "An extension needs a reason (the complexity or number of requests, Art. 12(3) GDPR); the person is told it.",
  },
  extension_too_late: {
    de: "Der erste Monat ist vorbei: Eine Verlängerung hätte der Person innerhalb eines Monats nach Eingang mitgeteilt werden müssen (Art. 12 Abs. 3 DSGVO).",
    en: "The first month is over: an extension had to be told to the person within one month of receipt (Art. 12(3) GDPR).",
  },
  request_not_found: {
    de: "Diese Anfrage gibt es nicht (mehr).",
    en: "This request does not exist (any more).",
  },
  request_closed: {
    de: "Diese Anfrage ist abgeschlossen und kann nicht mehr geändert werden.",
    en: "This request is closed and can no longer be changed.",
  },
  request_answer_waiting: {
    de: "Eine E-Mail dieses Vorgangs wartet noch im Postausgang. Schließen Sie ihn, wenn sie versandt ist: Danach werden die Kontaktdaten der gelöschten Person entfernt.",
    en: "A mail of this case is still waiting in the outbox. Close it once it has been sent: the erased person's contact details are removed then.",
  },
  answer_reasons_required: {
    de: "Wenn Sie der Anfrage nicht oder nur teilweise nachkommen, nennen Sie die Gründe (Art. 12 Abs. 4 DSGVO).",
    en: "If you do not act on the request, or only in part, give the reasons (Art. 12(4) GDPR).",
  },
  too_many_persons_to_link: {
    de: "Das sind mehr als 50.000 Personen auf einmal; verknüpfen Sie sie in Teilen, etwa nach Zweck oder Ampel.",
    en: "That is more than 50,000 persons at once; link them in parts, for example by purpose or light.",
  },
  case_item_not_found: {
    de: "Nur eine Aktivität oder ein Dokument einer verknüpften Person kann dem Vorgang zugeordnet werden.",
    en: "Only an activity or document of a linked person can be linked to the case.",
  },
  assignee_not_found: {
    de: "Diese Person gibt es unter den aktiven Benutzern nicht; wählen Sie eine andere.",
    en: "There is no active staff user by that name; choose another.",
  },
  request_received_required: {
    de: "Geben Sie an, wann die Anfrage eingegangen ist: Die Frist läuft ab Eingang (Art. 12 Abs. 3 DSGVO).",
    en: "Enter when the request was received: the deadline runs from receipt (Art. 12(3) GDPR).",
  },
  request_received_in_future: {
    de: "Der Eingang kann nicht in der Zukunft liegen; die Frist läuft ab Eingang (Art. 12 Abs. 3 DSGVO).",
    en: "The request cannot be received in the future; the deadline runs from receipt (Art. 12(3) GDPR).",
  },
  request_not_extended: {
    de: "Die Frist dieser Anfrage wurde nicht verlängert; es gibt keine Verlängerung mitzuteilen.",
    en: "This request's deadline was not extended; there is no extension to tell.",
  },
  extension_notice_late: {
    de: "Der erste Monat ist vorbei: Die Verlängerung hätte der Person innerhalb eines Monats nach Eingang mitgeteilt werden müssen (Art. 12 Abs. 3 DSGVO). Bitte dokumentieren Sie das im Vorgang.",
    en: "The first month is over: the extension had to be told to the person within one month of receipt (Art. 12(3) GDPR). Please document this in the case.",
  },
  request_no_email: {
    de: "Diese Anfrage hat keine E-Mail-Adresse der anfragenden Person; bitte tragen Sie sie ein oder benachrichtigen Sie die Person auf anderem Weg.",
    en: "This request has no e-mail address of the requester; please add it or tell the person another way.",
  },
  request_link_invalid: {
    de: "Dieser Link funktioniert nicht (mehr). Bitte geben Sie Ihre E-Mail-Adresse erneut ein; Sie bekommen einen neuen Link.",
    en: "This link does not work (any more). Please enter your e-mail address again to get a new link.",
  },
  request_message_too_long: {
    de: "Ihre Nachricht ist zu lang.",
    en: "Your message is too long.",
  },
  incident_not_found: {
    de: "Diese Datenschutzverletzung gibt es nicht (mehr).",
    en: "This incident does not exist (any more).",
  },
  incident_closed: {
    de: "Diese Datenschutzverletzung ist abgeschlossen und kann nicht mehr geändert werden.",
    en: "This incident is closed and can no longer be changed.",
  },
  incident_aware_required: {
    de: "Geben Sie an, seit wann die Verletzung bekannt ist: Ab diesem Zeitpunkt laufen die 72 Stunden (Art. 33 Abs. 1 DSGVO).",
    en: "Enter when you became aware of the breach: the 72 hours run from then (Art. 33(1) GDPR).",
  },
  incident_aware_in_future: {
    de: "Der Zeitpunkt der Kenntnis kann nicht in der Zukunft liegen; die 72-Stunden-Frist läuft ab Kenntnis (Art. 33 Abs. 1 DSGVO).",
    en: "The time of awareness cannot be in the future; the 72-hour period runs from awareness (Art. 33(1) GDPR).",
  },
  risk_reasons_required: {
    de: "Bitte begründen Sie die Risikobewertung; sie wird dokumentiert, wie auch immer sie ausfällt (Art. 33 Abs. 5 DSGVO).",
    en: "Please give the reasons for the risk assessment; it is documented whatever its outcome (Art. 33(5) GDPR).",
  },
  risk_not_assessed: {
    de: "Bitte bewerten Sie zuerst das Risiko; davon hängt ab, wer zu benachrichtigen ist.",
    en: "Please assess the risk first; who must be notified depends on it.",
  },
  delay_reason_required: {
    de: "Die Meldung kommt nach mehr als 72 Stunden: Bitte geben Sie die Gründe für die Verzögerung an (Art. 33 Abs. 1 DSGVO).",
    en: "The notification comes after more than 72 hours: please give the reasons for the delay (Art. 33(1) GDPR).",
  },
  invalid_notification_time: {
    de: "Der Zeitpunkt der Meldung muss nach der Kenntnis und darf nicht in der Zukunft liegen.",
    en: "The notification time must be after awareness and not in the future.",
  },
  follow_up_not_found: {
    de: "Diese Wiedervorlage gibt es nicht (mehr).",
    en: "This follow-up does not exist (any more).",
  },
  follow_up_done: {
    de: "Diese Wiedervorlage ist bereits erledigt.",
    en: "This follow-up is already done.",
  },
  follow_up_not_yours: {
    de: "Diese Wiedervorlage können nur die zuständige Person, wer sie angelegt hat, der oder die Datenschutzbeauftragte und Admins ändern.",
    en: "Only the assignee, whoever created it, the data protection officer and admins can change this follow-up.",
  },
  follow_up_about_required: {
    de: "Eine Wiedervorlage gehört zu genau einer Anfrage, einer Datenschutzverletzung oder einer Person.",
    en: "A follow-up belongs to exactly one request, incident or person.",
  },
  follow_up_due_in_past: {
    de: "Das Datum der Wiedervorlage darf nicht in der Vergangenheit liegen.",
    en: "The follow-up's date cannot be in the past.",
  },
  follow_up_postpone_reason_required: {
    de: "Bitte begründen Sie, warum Sie die Wiedervorlage verschieben.",
    en: "Please give a reason for postponing the follow-up.",
  },
  follow_up_postpone_not_future: {
    de: "Eine Wiedervorlage kann nur auf einen Tag nach heute verschoben werden.",
    en: "A follow-up can only be postponed to a day after today.",
  },
  subjects_notification_not_allowed: {
    de: "Das Risiko wurde als „kein Risiko“ bewertet: Eine Benachrichtigung der betroffenen Personen ist nur bei einem Risiko vorgesehen, vorgeschrieben bei hohem Risiko (Art. 34 Abs. 1 DSGVO).",
    en: "The risk was assessed as “no risk”: the people affected are notified only where there is a risk, and must be at a high risk (Art. 34(1) GDPR).",
  },
};
