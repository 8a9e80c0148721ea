/** The hidden fields React renders into a Server Action form (no JavaScript needed to submit it). */
export function actionForm(html: string, formIndex: number): FormData {
  const form = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g)?.[formIndex];
  if (!form) throw new Error("form not found");
  const data = new FormData();
  for (const input of form.match(/<input\b[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (name) data.append(name.replaceAll("&amp;", "&"), input.match(/value="([^"]*)"/)?.[1] ?? "");
  }
  return data;
}
