// Runs once when the server starts (never during `next build`): a production server without its
// required secrets (AUDIT_KEK) fails here instead of at the first request.
export async function register(): Promise<void> {
  const { assertProductionSecrets } = await import("./env");
  assertProductionSecrets();
}
