import { expect, test } from "@playwright/test";

// The scheduled routes answer only their bearer secret, and return a JSON summary.
const summaryKeys: Record<string, string[]> = {
  outbox: ["claimed", "sent", "captured"],
  "traffic-lights": ["refreshed"],
  "rate-limits": ["microsite", "staff"],
  jobs: ["jobs", "batches", "processed"],
  deadlines: ["scanned", "due", "sent", "mails"],
};

for (const [route, keys] of Object.entries(summaryKeys)) {
  test(`/api/cron/${route} needs the bearer secret and reports what it did`, async ({ request }) => {
    expect((await request.post(`/api/cron/${route}`)).status()).toBe(401);
    expect(
      (await request.post(`/api/cron/${route}`, { headers: { Authorization: "Bearer wrong" } })).status(),
    ).toBe(401);
    const response = await request.post(`/api/cron/${route}`, {
      headers: { Authorization: `Bearer ${process.env.CRON_SECRET}` },
    });
    expect(response.status()).toBe(200);
    const summary = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(keys));
  });
}
