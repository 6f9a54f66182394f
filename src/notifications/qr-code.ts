import QRCode from "qrcode"

/** The share link as a QR code: a PNG data URL (for `<img>` in emails) and an SVG document. */
export async function qrCode(url: string): Promise<{ data_url: string; svg: string }> {
  const options = { errorCorrectionLevel: "M" as const, margin: 2 }
  const [data_url, svg] = await Promise.all([
    QRCode.toDataURL(url, { ...options, width: 240 }),
    QRCode.toString(url, { ...options, type: "svg" }),
  ])
  return { data_url, svg }
}
