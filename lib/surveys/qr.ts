import "server-only";
import QRCode from "qrcode";

/** An SVG QR code, rendered on the server so the qrcode package never reaches a browser bundle. */
export function renderQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
}

/** Absolute URL of a path on this deployment, from the request's (possibly proxied) host. */
export function linkUrl(headers: Headers, path: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto =
    headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}${path}`;
}
