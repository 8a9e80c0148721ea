import { type Browser, expect, test } from "@playwright/test";
import { createPerson, demoUsers, linkFromOutbox, signIn, uniqueName } from "./fixtures";

// The consent round trip: staff request consent in the portal, the mail lands in the Outbox
// (captured, not sent, without a Resend key), the person opens the link in a fresh browser (no
// staff cookies), ticks two purposes, confirms the double opt-in mail, and later withdraws
// everything in one step; the portal shows each step.
const micrositeUrl = process.env.MICROSITE_URL ?? "http://localhost:3101";

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("request → microsite choices → double opt-in confirmation → withdraw everything", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.dpo.email);
  const lastName = uniqueName("Rundreise");
  const personUrl = await createPerson(page, { lastName, email: `${lastName.toLowerCase()}@example.test` });
  await expect(page.getByTestId("light-explanation")).toBeVisible();
  await expect(page.locator("main [data-light]").first()).toHaveAttribute("data-light", "red");

  const panel = page.getByTestId("request-consent");
  await panel.getByRole("button", { name: "Mail ansehen" }).click();
  await expect(page.getByTestId("consent-request-preview")).toContainText(/Ihre Einwilligung|Your consent/);
  await panel.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(panel.getByText(/liegt im Postausgang/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("person-history")).toContainText("Einwilligung angefragt");

  const link = await linkFromOutbox(page, "consent-request", /https?:\/\/\S+\/(de|en)\/p\/[A-Za-z0-9_-]{43}/);
  const locale = link.match(/\/(de|en)\/p\//)![1]!;
  const token = link.split("/p/")[1]!;

  // The person, as if clicking in their mail client.
  const person = await freshPage(browser);
  await person.page.goto(`${micrositeUrl}/${locale}/p/${token}`);
  await expect(person.page).toHaveURL(`${micrositeUrl}/${locale}/settings`);
  expect(person.page.url()).not.toContain(token);
  expect((await person.context.cookies()).find((c) => c.name === "pp_session")).toMatchObject({
    httpOnly: true,
  });

  // Art. 7(2): each purpose its own checkbox with its full text, nothing ticked in advance.
  const choices = person.page.getByRole("group", { name: /Wofür dürfen wir|What may we use/ });
  for (const box of await choices.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await choices.getByRole("checkbox", { name: /^Newsletter/ }).check();
  await choices.getByRole("checkbox", { name: /Einladungen zu Veranstaltungen|Event invitations/ }).check();
  await person.page.getByRole("button", { name: /Auswahl speichern|Save my choices/ }).click();
  await expect(person.page).toHaveURL(/\/settings\?saved=1$/);
  await expect(person.page.getByRole("status")).toContainText(/Eingewilligt in|Consent given to/);
  await expect(person.page.getByRole("status")).toContainText(/Bestätigungs-E-Mail|confirmation e-mail/);

  // Art. 20: the person downloads their data from the settings page.
  const [myData] = await Promise.all([
    person.page.waitForEvent("download"),
    person.page.getByTestId("download-my-data").click(),
  ]);
  expect(myData.suggestedFilename()).toMatch(/\.zip$/);
  expect(myData.suggestedFilename()).not.toContain(lastName);

  // The portal shows the change at once: the events purpose is valid, the newsletter waits.
  await page.goto(personUrl);
  await expect(page.locator("main [data-light]").first()).toHaveAttribute("data-light", /yellow|green/);

  const confirm = await linkFromOutbox(
    page,
    "double-opt-in",
    /https?:\/\/\S+\/(de|en)\/confirm\/[A-Za-z0-9_-]{43}/,
  );
  await person.page.goto(confirm);
  await person.page.getByRole("button", { name: /^(Bestätigen|Confirm)$/ }).click();
  await expect(
    person.page.getByRole("heading", { name: /Danke für Ihre Bestätigung|Thank you/ }),
  ).toBeVisible();

  await page.goto(personUrl);
  const history = page.getByTestId("person-history");
  await expect(
    history.locator('[data-action="record.confirm"]').filter({ hasText: "Newsletter" }),
  ).toBeVisible();
  await expect(
    history.locator('[data-action="record.grant"]').filter({ hasText: "Microsite" }).first(),
  ).toBeVisible();
  await expect(page.getByTestId("light-explanation")).toContainText("Newsletter");

  // Art. 7(3): withdrawing everything is one step, and the person is red again.
  await person.page.goto(`${micrositeUrl}/${locale}/settings`);
  await person.page
    .getByRole("button", { name: /Alle Einwilligungen widerrufen|Withdraw all consents/ })
    .click();
  await expect(person.page.getByRole("status")).toContainText(/Widerrufen für|Consent withdrawn for/);
  await page.goto(personUrl);
  await expect(page.locator("main [data-light]").first()).toHaveAttribute("data-light", "red");
  await expect(history.locator('[data-action="record.withdraw"]').first()).toBeVisible();

  // A guessed or expired link gets the one generic page, which never reveals anything.
  await person.page.goto(`${micrositeUrl}/${locale}/p/not-a-real-token`);
  await expect(person.page).toHaveURL(`${micrositeUrl}/${locale}/link-invalid`);
  await expect(
    person.page.getByRole("heading", { name: /Dieser Link funktioniert nicht|This link does not work/ }),
  ).toBeVisible();
  await person.context.close();
});

test("the microsite works without JavaScript, in the other language too", async ({ page, browser }) => {
  await signIn(page, demoUsers.dpo.email);
  const lastName = uniqueName("Ohneskript");
  await createPerson(page, { lastName, email: `${lastName.toLowerCase()}@example.test` });
  const panel = page.getByTestId("request-consent");
  await panel.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(panel.getByText(/liegt im Postausgang/)).toBeVisible();
  const link = await linkFromOutbox(page, "consent-request", /https?:\/\/\S+\/(de|en)\/p\/[A-Za-z0-9_-]{43}/);
  const locale = link.match(/\/(de|en)\/p\//)![1]!;
  const other = locale === "de" ? "en" : "de";

  const context = await browser.newContext({ javaScriptEnabled: false });
  const subject = await context.newPage();
  await subject.goto(link);
  await expect(subject).toHaveURL(`${micrositeUrl}/${locale}/settings`);
  await subject.getByRole("link", { name: other === "en" ? "English" : "Deutsch" }).click();
  await expect(subject).toHaveURL(`${micrositeUrl}/${other}/settings`);
  await expect(subject.locator("html")).toHaveAttribute("lang", other);

  const choices = subject.getByRole("group", { name: /Wofür dürfen wir|What may we use/ });
  await choices.getByRole("checkbox", { name: /Einladungen zu Veranstaltungen|Event invitations/ }).check();
  await subject.getByRole("button", { name: /Auswahl speichern|Save my choices/ }).click();
  await expect(subject.getByRole("status")).toContainText(/Eingewilligt in|Consent given to/);
  await expect(
    choices.getByRole("checkbox", { name: /Einladungen zu Veranstaltungen|Event invitations/ }),
  ).toBeChecked();

  await subject.getByRole("button", { name: /Alle Einwilligungen widerrufen|Withdraw all consents/ }).click();
  await expect(subject.getByRole("status")).toContainText(/Widerrufen für|Consent withdrawn for/);
  for (const box of await choices.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await context.close();
});
