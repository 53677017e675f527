import QRCode from 'qrcode';

export type QrFormat = 'svg' | 'png';

/**
 * The address a connector's QR code opens: the driver's page for that connector in the web app,
 * on the public URL (a printed code outlives any one deployment's internal address).
 */
export function connectorPageUrl(publicUrl: string, connectorId: string): string {
  return `${publicUrl}/charge/${encodeURIComponent(connectorId)}`;
}

/** The QR code as an SVG document or a PNG image; error correction M survives a scuffed sticker. */
export async function connectorQr(url: string, format: QrFormat): Promise<string | Buffer> {
  const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
  return format === 'svg'
    ? QRCode.toString(url, { ...options, type: 'svg' })
    : QRCode.toBuffer(url, { ...options, type: 'png', width: 512 });
}
