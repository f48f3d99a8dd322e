import { CHINA_TZ } from '../common/china-time.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);

/** Noto Sans SC (SIL Open Font License) from the npm registry; pdfkit embeds only the glyphs a page uses. */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

export interface CertificatePdfData {
  holderName: string;
  courseTitle: string;
  courseTitleEn: string;
  hours: number;
  issuer: string;
  issuedAt: string;
  expiresAt: string | null;
  displayCode: string;
  verifyUrl: string;
  /** What the QR code holds: the verification URL with the signed offline token after '#t='. */
  qrUrl: string;
  status: 'valid' | 'revoked' | 'expired';
}

const chinaDate = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: CHINA_TZ, year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso));

/** An A4 certificate with a QR code that opens the public verification page. */
export async function renderCertificatePdf(d: CertificatePdfData): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const qr = await QRCode.toBuffer(d.qrUrl, { type: 'png', margin: 2, width: 600, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${d.courseTitle} 结业证书`, Author: d.issuer, Subject: d.displayCode } });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width;
  const inner = width - 112;
  doc
    .lineWidth(3)
    .strokeColor('#9a3412')
    .rect(28, 28, width - 56, doc.page.height - 56)
    .stroke();
  doc
    .lineWidth(1)
    .rect(36, 36, width - 72, doc.page.height - 72)
    .stroke();

  doc.moveDown(2).font('bold').fontSize(30).fillColor('#7c2d12').text('结业证书', { align: 'center' });
  doc.font('regular').fontSize(13).fillColor('#57534e').text('Certificate of Completion', { align: 'center' });
  doc.moveDown(2.2).font('regular').fontSize(14).fillColor('#1c1917').text('兹证明', { align: 'center' });
  doc.moveDown(0.6).font('bold').fontSize(28).text(d.holderName, { align: 'center' });
  doc.moveDown(0.8).font('regular').fontSize(14).text('完成了以下课程的学习与考核：', { align: 'center' });
  doc.moveDown(0.6).font('bold').fontSize(20).text(d.courseTitle, { align: 'center', width: inner });
  doc.font('regular').fontSize(11).fillColor('#57534e').text(d.courseTitleEn, { align: 'center', width: inner });
  doc.moveDown(1.2).fontSize(13).fillColor('#1c1917');
  doc.text(`学时 Class hours：${d.hours}`, { align: 'center' });
  doc.text(`颁发单位 Issued by：${d.issuer}`, { align: 'center' });
  doc.text(`颁发日期 Issued：${chinaDate(d.issuedAt)}`, { align: 'center' });
  doc.text(`有效期至 Valid until：${d.expiresAt ? chinaDate(d.expiresAt) : '长期有效 (does not expire)'}`, { align: 'center' });
  if (d.status !== 'valid')
    doc
      .moveDown(0.5)
      .font('bold')
      .fillColor('#b91c1c')
      .text(d.status === 'revoked' ? '本证书已撤销 REVOKED' : '本证书已过期 EXPIRED', { align: 'center' });

  const qrSize = 150;
  const qrY = doc.page.height - 56 - qrSize - 60;
  doc.image(qr, (width - qrSize) / 2, qrY, { width: qrSize });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#1c1917')
    .text(`证书编号 Code：${d.displayCode}`, 56, qrY + qrSize + 8, { align: 'center', width: inner });
  doc.fontSize(9).fillColor('#57534e').text(`扫码或访问 ${d.verifyUrl} 核验真伪 · Scan or visit to verify`, { align: 'center', width: inner });
  doc.end();
  return done;
}
