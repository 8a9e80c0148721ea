import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, linkFromOutbox, signIn, uniqueName } from "./fixtures";

// Issue 10: the DPO previews and generates the Art. 15 report on the person page, sends it, and the
// person downloads it on the microsite in a fresh browser after confirming their address; a revoked
// link then gets the generic page.
const micrositeUrl = process.env.MICROSITE_URL ?? "http://localhost:3101";

test("access report: preview, generate, send, download on the microsite after confirming the address", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.dpo.email);
  const lastName = uniqueName("Auskunft");
  const email = `${lastName.toLowerCase()}@example.test`;
  const personUrl = await createPerson(page, { lastName, email });

  const section = page.getByTestId("access-reports");
  await section.getByRole("button", { name: "Vorschau…" }).click();
  const preview = section.getByTestId("access-report-preview");
  await expect(preview).toContainText(lastName);
  await expect(preview).toContainText(/Ihre Rechte|Your rights/);
  await section.getByRole("button", { name: "PDF erzeugen" }).click();
  const row = section.locator("tr[data-status]").first();
  await expect(row).toHaveAttribute("data-status", "generated");

  // The PDF as staff open it.
  const href = await row.getByRole("link", { name: "PDF öffnen" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Art. 20: the portability ZIP as the DPO downloads it from the person page.
  const zipHref = await page.getByTestId("portability-download").getAttribute("href");
  const zip = await page.request.get(zipHref!);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "An die Person senden" }).click();
  await expect(section.getByText("Die E-Mail mit dem Download-Link liegt im Postausgang.")).toBeVisible();
  await expect(section.locator("tr[data-status]").first()).toHaveAttribute("data-status", "sent");

  const link = await linkFromOutbox(
    page,
    "access-report-notice",
    /https?:\/\/\S+\/(de|en)\/r\/[A-Za-z0-9_-]{43}/,
    email,
  );
  const locale = link.match(/\/(de|en)\/r\//)![1]!;
  const token = link.split("/r/")[1]!;

  // The person, in a browser without staff cookies.
  const context = await browser.newContext({ acceptDownloads: true });
  const subject = await context.newPage();
  await subject.goto(`${micrositeUrl}/${locale}/r/${token}`);
  await expect(subject).toHaveURL(`${micrositeUrl}/${locale}/report`);
  expect(subject.url()).not.toContain(token);
  const address = subject.getByLabel(/Ihre E-Mail-Adresse|Your e-mail address/);
  await address.fill("someone.else@example.test");
  await subject.getByRole("button", { name: /Auskunft herunterladen|Download the report/ }).click();
  // (Next's route announcer is an alert too: the message by its text.)
  await expect(
    subject.getByRole("alert").filter({ hasText: /nicht geschickt|not the address/ }),
  ).toBeVisible();
  await subject.getByLabel(/Ihre E-Mail-Adresse|Your e-mail address/).fill(email.toUpperCase());
  const [download] = await Promise.all([
    subject.waitForEvent("download"),
    subject.getByRole("button", { name: /Auskunft herunterladen|Download the report/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(download.suggestedFilename()).not.toContain(lastName);
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 5).toString()).toBe("%PDF-");

  // The portal shows the download; revoking the link closes it.
  await page.goto(personUrl);
  await expect(section.locator("tr[data-status]").first()).toContainText(/heruntergeladen am/);
  await section.locator("tr[data-status]").first().getByRole("button", { name: "Link sperren" }).click();
  await expect(
    section.getByText("Die Download-Links dieser Auskunft funktionieren nicht mehr."),
  ).toBeVisible();
  await subject.goto(`${micrositeUrl}/${locale}/r/${token}`);
  await expect(subject).toHaveURL(`${micrositeUrl}/${locale}/link-invalid`);
  await context.close();
});
