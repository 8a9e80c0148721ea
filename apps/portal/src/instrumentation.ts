// Runs once when the server starts: loading the validated environment here makes a production
// server without its required secrets (AUDIT_KEK) fail at start instead of at the first request.
export async function register(): Promise<void> {
  await import("./env");
}
