/**
 * The confusion matrix as a picture: SVG written by hand (no plotting dependency), and a
 * PNG rasterized from it with @resvg/resvg-js when that package loads (it ships prebuilt
 * binaries in npm). Text in the PNG needs a system font (Debian: fonts-dejavu-core); without
 * one the grid and colours still render.
 */
import { createRequire } from "node:module";
import type { ConfusionMatrix } from "./score.js";

const CELL = 26;
const FONT = "DejaVu Sans, Verdana, Arial, sans-serif";

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Cell colour: white at 0, deep blue at the row's total; red tint off the diagonal. */
function fill(share: number, diagonal: boolean): string {
  const t = Math.max(0, Math.min(1, share));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return diagonal
    ? `rgb(${mix(255, 8)},${mix(255, 69)},${mix(255, 148)})`
    : `rgb(${mix(255, 203)},${mix(255, 24)},${mix(255, 29)})`;
}

/** Rows = expected primary function, columns = predicted; cells coloured by share of the row. */
export function confusionSvg(m: ConfusionMatrix, title: string): string {
  const labelChars = Math.max(8, ...m.rows.map((r) => r.length), ...m.columns.map((c) => c.length));
  const left = 20 + labelChars * 6.6;
  const top = 50 + labelChars * 6.6 * 0.75;
  // Rotated column labels reach right of the grid by about their length * cos(45°).
  const gridRight = left + m.columns.length * CELL;
  const width = Math.ceil(Math.max(gridRight + 60, gridRight + labelChars * 6.6 * 0.72, 560));
  const height = Math.ceil(top + m.rows.length * CELL + 40);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="10" y="38" font-size="11" fill="#555">rows: expected · columns: predicted · colour: share of the row</text>`,
  ];
  m.columns.forEach((c, j) => {
    const x = left + j * CELL + CELL / 2;
    out.push(
      `<text x="${x}" y="${top - 6}" font-size="11" transform="rotate(-45 ${x} ${top - 6})">${escapeXml(c)}</text>`,
    );
  });
  m.rows.forEach((r, i) => {
    const y = top + i * CELL;
    const row = m.counts[i] ?? [];
    const total = row.reduce((s, v) => s + v, 0);
    out.push(`<text x="${left - 6}" y="${y + CELL / 2 + 4}" font-size="11" text-anchor="end">${escapeXml(r)}</text>`);
    m.columns.forEach((c, j) => {
      const v = row[j] ?? 0;
      const x = left + j * CELL;
      const share = total === 0 ? 0 : v / total;
      out.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill(share, c === r)}" stroke="#ccc" stroke-width="0.5"/>`,
      );
      if (v > 0) {
        const colour = share > 0.55 ? "#fff" : "#000";
        const size = v >= 1000 ? 8 : v >= 100 ? 9 : 10;
        out.push(
          `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 3.5}" font-size="${size}" text-anchor="middle" fill="${colour}">${v}</text>`,
        );
      }
    });
    out.push(
      `<text x="${left + m.columns.length * CELL + 6}" y="${y + CELL / 2 + 4}" font-size="10" fill="#555">n=${total}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

interface ResvgModule {
  Resvg: new (
    svg: string,
    options?: Record<string, unknown>,
  ) => {
    render(): { asPng(): Uint8Array };
  };
}

/** PNG bytes of an SVG, or the reason there is none (package missing, render failure). */
export function svgToPng(svg: string): { ok: true; png: Uint8Array } | { ok: false; reason: string } {
  let mod: ResvgModule;
  try {
    mod = createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  } catch (e) {
    return { ok: false, reason: `@resvg/resvg-js unavailable: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const r = new mod.Resvg(svg, {
      background: "#ffffff",
      font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
      fitTo: { mode: "zoom", value: 1.5 },
    });
    return { ok: true, png: r.render().asPng() };
  } catch (e) {
    return { ok: false, reason: `PNG rendering failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
