/**
 * Text that may carry an e-mail address (an SMTP server's refusal names the recipient) with every
 * address's local part hidden: logs and the admin's error column say which domain, never who.
 */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]@,;:"']+@([A-Za-z0-9.-]+)/g, '…@$1');
}

/** A failure in words fit for a log line and the stored last error: redacted and bounded. */
export function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return redactAddresses(message).slice(0, 500);
}
