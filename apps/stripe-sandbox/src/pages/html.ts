// Minimal, dependency-free HTML for the pages a customer's browser visits.
import { ZERO_DECIMAL } from '../protocol/currencies';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin:.5rem 0}input{width:100%;padding:.4rem;box-sizing:border-box}button{margin:.5rem .5rem 0 0;padding:.5rem 1rem}
.error{color:#b00020}.muted{color:#666}</style></head>
<body><p class="muted">Tender Stripe sandbox — test mode, no real money moves.</p>${body}</body></html>`;
}

/** Formats minor units for display only (never used for arithmetic). */
export function displayAmount(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(currency.toLowerCase())) return `${amount} ${code}`;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${code}`;
}
