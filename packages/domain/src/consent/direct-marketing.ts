import { type Channel, channels } from "../channels.ts";

/** Every channel: what an objection to direct marketing "on all channels" stores. */
export const allChannels: readonly Channel[] = channels;

/**
 * Art. 21(2),(3) GDPR: the objection closes a direct-marketing purpose when it covers every channel the
 * purpose uses (an objection by e-mail leaves a purpose that also uses post open for post); a purpose
 * that names no channel is closed only by an objection on all channels.
 */
export function objectionCoversPurpose(
  objected: readonly Channel[],
  purposeChannels: readonly Channel[],
): boolean {
  if (objected.length === 0) return false;
  const required = purposeChannels.length === 0 ? allChannels : purposeChannels;
  return required.every((channel) => objected.includes(channel));
}

/** Art. 21(2),(3) GDPR: whether the objection closes this channel for direct marketing. */
export function objectionCoversChannel(objected: readonly Channel[], channel: Channel): boolean {
  return objected.includes(channel);
}

/**
 * The channels objected to after adding `channels` (an objection can be made at any time, also in
 * advance, Art. 21(2)) or lifting them (the person's own later, explicit choice), in catalogue order.
 */
export function changeObjection(
  current: readonly Channel[],
  change: { add?: readonly Channel[]; lift?: readonly Channel[] },
): Channel[] {
  const next = new Set(current);
  for (const channel of change.add ?? []) next.add(channel);
  for (const channel of change.lift ?? []) next.delete(channel);
  return allChannels.filter((channel) => next.has(channel));
}
