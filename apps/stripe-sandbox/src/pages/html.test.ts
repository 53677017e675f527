import { describe, expect, it } from 'vitest';
import { displayAmount, escapeHtml } from './html';

describe('displayAmount', () => {
  it('formats two- and zero-decimal currencies from minor units', () => {
    expect(displayAmount(3250, 'usd')).toBe('32.50 USD');
    expect(displayAmount(5, 'eur')).toBe('0.05 EUR');
    expect(displayAmount(-150, 'eur')).toBe('-1.50 EUR');
    expect(displayAmount(500, 'jpy')).toBe('500 JPY');
  });
});

describe('escapeHtml', () => {
  it('neutralises markup', () => {
    expect(escapeHtml('<a href="x">&\'</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;',
    );
  });
});
