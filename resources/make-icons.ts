// Draws the app and tray icons: a rounded #1677ff square with a white 客. Run with
//   npx tsx resources/make-icons.ts
// Rendered by Debian's headless Chromium (no image tool needed), with Noto Sans CJK for the glyph;
// the PNGs are committed, so packaging never needs this script.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = __dirname;
const ICONS: { file: string; size: number }[] = [
  { file: 'icon.png', size: 1024 },
  { file: 'tray.png', size: 32 },
  { file: 'tray-16.png', size: 16 },
];

function page(size: number): string {
  // Small sizes get a relatively bigger glyph and smaller margin so 客 stays readable at 16 px.
  const margin = size <= 32 ? 0 : Math.round(size * 0.06);
  const box = size - 2 * margin;
  const radius = Math.round(box * 0.22);
  const font = Math.round(box * (size <= 32 ? 0.8 : 0.62));
  return `<!doctype html><html><body style="margin:0;background:transparent">
<div style="position:absolute;left:${margin}px;top:${margin}px;width:${box}px;height:${box}px;border-radius:${radius}px;
background:#1677ff;color:#fff;display:flex;align-items:center;justify-content:center;
font:700 ${font}px/1 'Noto Sans CJK SC','Noto Sans CJK','Noto Serif CJK SC',sans-serif">客</div></body></html>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--font-render-hinting=none'],
  });
  try {
    for (const { file, size } of ICONS) {
      const p = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await p.setContent(page(size));
      await p.evaluate(() => document.fonts.ready);
      const png = await p.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(OUT, file), png);
      await p.close();
      console.log(`${file} ${size}×${size}`);
    }
  } finally {
    await browser.close();
  }
}

void main();
