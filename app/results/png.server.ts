import { renderAsync } from "@resvg/resvg-js";

// A chart's PNG: its SVG file drawn by resvg (Rust, through N-API) at twice its size, on a worker
// thread, so drawing does not hold up the event loop. The text is drawn with the server's fonts
// (the SVG names DejaVu Sans and WenQuanYi Micro Hei first: Latin, Cyrillic, Arabic, Chinese).

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return image.asPng();
}
