import QRCode from "qrcode"
import { qrSvg } from "../storefront/share"

/** The share link as a QR code: a PNG data URL (for `<img>` in emails) and the kit's SVG. */
export async function qrCode(url: string): Promise<{ data_url: string; svg: string }> {
  const [data_url, svg] = await Promise.all([QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 2, width: 240 }), qrSvg(url)])
  return { data_url, svg }
}
