/** The message key of a verdict in words with its article, as on the person page. */
export function reasonKey(reason: string): string {
  if (reason === "admissible" || reason === "no_record" || reason === "channel_not_covered")
    return `contactLaw.${reason}`;
  return `reasons.${reason}`;
}

/** The channels a marketing list is checked for (profiling is not a way to contact anyone). */
export const checkChannels = ["email", "sms", "phone", "post"] as const;
export type CheckChannel = (typeof checkChannels)[number];

/** The settings of one check, as the page keeps them for the members, the export and the history. */
export interface CheckSettings {
  purposeIds: string[];
  channel: CheckChannel;
}

/** The export route's address for the settings: the server recomputes the verdicts. */
export function exportHref(listId: string, settings: CheckSettings): string {
  const query = new URLSearchParams({ purposeIds: settings.purposeIds.join(","), channel: settings.channel });
  return `/api/lists/${listId}/export?${query}`;
}
