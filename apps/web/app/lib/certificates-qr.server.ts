import QRCode from 'qrcode';

/**
 * A QR code as inline SVG, drawn on the server: the phone downloads a few kilobytes of markup
 * instead of a QR library, and it shows with JavaScript off. Medium error correction survives a
 * cracked or dim phone screen; the quiet zone (margin) is what scanners need to find it.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
