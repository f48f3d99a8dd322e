import { inflateSync } from 'node:zlib';

/**
 * The raster images of a PDF (8-bit RGB or grey, Flate with or without PNG predictors), as RGBA:
 * read straight from the file's image XObjects, as a scanner app would see the printed pixels.
 */
export function pdfImages(pdf: Buffer): Array<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const text = pdf.toString('latin1');
  const found: Array<{ width: number; height: number; rgba: Uint8ClampedArray }> = [];
  const objects = /<<((?:(?!>>\s*stream)[\s\S])*?\/Subtype\s*\/Image[\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = objects.exec(text); m; m = objects.exec(text)) {
    const dict = m[1];
    if (/\/ImageMask\s*true/.test(dict)) continue;
    const num = (key: string) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1] ?? NaN);
    const width = num('Width');
    const height = num('Height');
    const length = num('Length');
    const colors = /\/DeviceRGB/.test(dict) ? 3 : /\/DeviceGray/.test(dict) ? 1 : NaN;
    if (!(width > 0 && height > 0 && length > 0 && colors > 0) || num('BitsPerComponent') !== 8) continue;
    const start = m.index + m[0].length;
    let raw = inflateSync(pdf.subarray(start, start + length));
    if (/\/Predictor\s+1\d/.test(dict)) {
      // PNG predictors: each row starts with its filter type.
      const stride = width * colors;
      const out = Buffer.alloc(stride * height);
      for (let y = 0; y < height; y++) {
        const type = raw[y * (stride + 1)];
        for (let x = 0; x < stride; x++) {
          const cur = raw[y * (stride + 1) + 1 + x];
          const left = x >= colors ? out[y * stride + x - colors] : 0;
          const up = y > 0 ? out[(y - 1) * stride + x] : 0;
          const upLeft = y > 0 && x >= colors ? out[(y - 1) * stride + x - colors] : 0;
          const p = left + up - upLeft;
          const paeth =
            Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
              ? left
              : Math.abs(p - up) <= Math.abs(p - upLeft)
                ? up
                : upLeft;
          const pred = [0, left, up, (left + up) >> 1, paeth][type];
          out[y * stride + x] = (cur + pred) & 0xff;
        }
      }
      raw = out;
    }
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let k = 0; k < 3; k++) rgba[i * 4 + k] = raw[i * colors + (colors === 3 ? k : 0)];
      rgba[i * 4 + 3] = 255;
    }
    found.push({ width, height, rgba });
  }
  return found;
}
