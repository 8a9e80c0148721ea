export const channels = ["email", "phone", "post", "sms", "profiling"] as const;
export type Channel = (typeof channels)[number];

export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}
