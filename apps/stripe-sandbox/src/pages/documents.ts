// The pages behind `invoice.hosted_invoice_url` and `charge.receipt_url`, so links the platform
// shows its users lead somewhere while it runs against the sandbox.
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../engine';
import { displayAmount, escapeHtml, page } from './html';

export function registerDocuments(app: FastifyInstance, engine: Engine): void {
  app.get<{ Params: { id: string } }>('/_sandbox/invoices/:id', (req, reply) => {
    const invoice = engine.store.find('invoice', req.params.id);
    if (invoice === undefined)
      return reply.code(404).type('text/html').send(page('Not found', '<h1>Unknown invoice</h1>'));
    const lines = invoice.lines.data
      .map(
        (l) =>
          `<li>${escapeHtml(l.description ?? '')}: ${displayAmount(l.amount, l.currency)}</li>`,
      )
      .join('');
    return reply.type('text/html').send(
      page(
        `Invoice ${invoice.number ?? invoice.id ?? ''}`,
        `<h1>Invoice ${escapeHtml(invoice.number ?? '')}</h1><p id="status">${escapeHtml(invoice.status ?? '')}</p>
<ul>${lines}</ul><p>Total: ${displayAmount(invoice.total, invoice.currency)}; due: ${displayAmount(invoice.amount_remaining, invoice.currency)}</p>`,
      ),
    );
  });

  app.get<{ Params: { id: string } }>('/_sandbox/receipts/:id', (req, reply) => {
    const charge = engine.store.find('charge', req.params.id);
    if (charge === undefined)
      return reply.code(404).type('text/html').send(page('Not found', '<h1>Unknown receipt</h1>'));
    const card = charge.payment_method_details?.card;
    return reply.type('text/html').send(
      page(
        'Receipt',
        `<h1>Receipt</h1><p>Paid ${displayAmount(charge.amount_captured, charge.currency)}${card ? ` with ${escapeHtml(card.brand ?? 'card')} •••• ${escapeHtml(card.last4 ?? '')}` : ''}</p>
<p>Refunded ${displayAmount(charge.amount_refunded, charge.currency)}</p>`,
      ),
    );
  });
}
