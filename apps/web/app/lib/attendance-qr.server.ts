import QRCode from 'qrcode';

/**
 * A QR code as inline SVG, drawn on the server: no script and no image request, so it shows on any
 * phone and prints sharp. Black on white with a quiet zone, which cheap phone cameras read best.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
