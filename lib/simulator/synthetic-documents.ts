// Supporting documents for verification subjects: a scanned-looking proof of address (PNG page
// with blocks where text would be, so nothing depends on fonts) and a tiny but valid one-page
// PDF. Neither contains any identity value.

import sharp from "sharp";
import { createRng, type Rng } from "./prng";

export async function proofOfAddressPng(seed: number): Promise<Buffer> {
  const rng = createRng(seed);
  const W = 620;
  const H = 877;
  const lines: string[] = [];
  let y = 190;
  while (y < H - 120) {
    const width = rng.float(240, 520);
    lines.push(`<rect x="60" y="${y.toFixed(0)}" width="${width.toFixed(0)}" height="9" rx="3" fill="#9aa3ad"/>`);
    y += rng.chance(0.15) ? 42 : 22;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
<rect width="${W}" height="${H}" fill="#fbfaf6"/>
<rect x="60" y="50" width="90" height="90" rx="12" fill="#2f6f8f"/>
<rect x="170" y="70" width="${rng.int(220, 330)}" height="18" rx="4" fill="#3c4650"/>
<rect x="170" y="104" width="${rng.int(140, 240)}" height="11" rx="3" fill="#7b8590"/>
${lines.join("\n")}
<rect x="${W - 200}" y="${H - 110}" width="140" height="50" rx="8" fill="none" stroke="#b03a2e" stroke-width="3" opacity="0.7"/>
</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: "#ffffff" }).removeAlpha().png({ compressionLevel: 9 }).toBuffer();
}

/** One A4 page, Helvetica (a PDF base font, so nothing is embedded), cross-reference offsets exact. */
export function tinyPdf(title = "Synthetic test document"): Buffer {
  const text = title.replace(/[()\\]/g, "");
  const stream = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET\n0.6 0.64 0.68 rg 72 700 450 10 re f 72 680 380 10 re f 72 660 420 10 re f\n`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}endstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export async function verificationDocuments(rng: Rng): Promise<Record<string, Buffer>> {
  return { proofOfAddress: await proofOfAddressPng(rng.int(0, 2 ** 31)), proofOfIdentity: tinyPdf() };
}
