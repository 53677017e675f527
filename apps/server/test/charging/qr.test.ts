import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from '../helpers';
import { chargerAt, chargingActors } from './fixture';

/** A connector's QR code opens its driver page, and only its company's operators may print it. */
describe('connector QR codes', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let connectorId: string;

  beforeAll(async () => {
    app = await bootTestApp();
    a = await chargingActors(app);
    ({ connectorId } = await chargerAt(a.api, a.volt.operator, 'QR-001'));
  });
  afterAll(async () => app?.close());

  const fetchQr = (query: string, token: string) =>
    fetch(`${app.url}/api/v1/connectors/${connectorId}/qr${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('encodes the driver page of that connector, as SVG or PNG', async () => {
    const target = `${app.url}/charge/${connectorId}`;
    const svg = await fetchQr('', a.volt.operator);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('x-qr-target')).toBe(target);
    // The same library drawing the expected URL gives the same picture: the code says exactly it.
    const expected = await QRCode.toString(target, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    const body = await svg.text();
    expect(body).toBe(expected);
    expect(body).not.toBe(
      await QRCode.toString(`${target}x`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    );

    const png = await fetchQr('?format=png', a.admin);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it("is another company's operator's 404, a driver's 403 and a bad format's 400", async () => {
    const other = await fetchQr('', a.amp.operator);
    expect(other.status).toBe(404);
    expect((await fetchQr('', a.user)).status).toBe(403);
    const bad = await fetchQr('?format=gif', a.volt.operator);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
  });
});
