const hourMs = 3_600_000;

// Art. 33(1) GDPR: notify the supervisory authority without undue delay and, where feasible, within 72 hours.
export const authorityNotificationHours = 72;

/**
 * Awareness + 72 elapsed hours as an instant: a DST change in between does not move it and weekends
 * or holidays do not extend it (Reg. 1182/71 Art. 3(2)(a) counts hour periods without shifting).
 */
export function authorityNotificationDeadline(awareAt: Date): Date {
  return new Date(awareAt.getTime() + authorityNotificationHours * hourMs);
}

export interface IncidentDeadlineStatus {
  deadline: Date;
  /** whole hours until the deadline, rounded down so it never overstates the time left; negative once passed */
  hoursLeft: number;
  /** the deadline passed and the authority has not been notified */
  overdue: boolean;
  /** notified after the deadline */
  late: boolean;
}

export function incidentDeadlineStatus(
  awareAt: Date,
  notifiedAt: Date | null,
  now: Date,
): IncidentDeadlineStatus {
  const deadline = authorityNotificationDeadline(awareAt);
  const hoursLeft = Math.floor((deadline.getTime() - now.getTime()) / hourMs);
  const overdue = notifiedAt === null && now.getTime() > deadline.getTime();
  // Art. 33(1) GDPR: a notification after 72 hours must be accompanied by reasons for the delay.
  const late = notifiedAt !== null && notifiedAt.getTime() > deadline.getTime();
  return { deadline, hoursLeft, overdue, late };
}

export const riskLevels = ["none", "risk", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

export interface RequiredNotifications {
  authority: boolean;
  dataSubjects: boolean;
}

export function requiredNotifications(risk: RiskLevel): RequiredNotifications {
  return {
    // Art. 33(1) GDPR: no notification when the breach is unlikely to result in a risk (still documented, Art. 33(5)).
    authority: risk !== "none",
    // Art. 34(1) GDPR: the people affected are told only when the risk is high.
    dataSubjects: risk === "high",
  };
}
