// SVG charts drawn by hand: a horizontal bar chart and a matrix (heat map).
// Each chart has a <title>/<desc> and a table fallback for screen readers.

import { s, h } from './dom.js';
import { num } from './i18n.js';

export function barChart({ title, desc, data, label = (d) => d.label, value = (d) => d.value, width = 640 }) {
  const rowH = 26;
  const left = Math.min(240, Math.max(60, Math.max(0, ...data.map((d) => String(label(d)).length)) * 7 + 12));
  const height = data.length * rowH + 10;
  const max = Math.max(1, ...data.map(value));
  const plot = width - left - 50;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-labelledby': '' },
    s('title', {}, title), desc ? s('desc', {}, desc) : null,
    data.map((d, i) => {
      const w = Math.max(1, (value(d) / max) * plot);
      const y = 5 + i * rowH;
      return s('g', {},
        s('text', { x: left - 6, y: y + 16, 'text-anchor': 'end', class: 'axis' }, String(label(d)).slice(0, 34)),
        s('rect', { x: left, y: y + 3, width: w.toFixed(1), height: rowH - 8, class: 'bar', rx: 2 }),
        s('text', { x: left + w + 4, y: y + 16, class: 'val' }, num(value(d))));
    }));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, title), svg);
}

// rows x cols counts; cell(r, c) -> number. Darker = more meetings.
export function matrix({ title, rows, cols, cell, rowLabel = (x) => x, colLabel = (x) => x }) {
  const cw = 34; const ch = 26; const left = 130; const top = 40;
  const width = left + cols.length * cw + 10;
  const height = top + rows.length * ch + 10;
  let max = 1;
  for (const r of rows) for (const c of cols) max = Math.max(max, cell(r, c));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart matrix' },
    s('title', {}, title),
    cols.map((c, j) => s('text', { x: left + j * cw + cw / 2, y: top - 8, 'text-anchor': 'middle', class: 'axis' }, colLabel(c))),
    rows.map((r, i) => s('g', {},
      s('text', { x: left - 6, y: top + i * ch + 17, 'text-anchor': 'end', class: 'axis' }, String(rowLabel(r)).slice(0, 18)),
      cols.map((c, j) => {
        const v = cell(r, c);
        const level = v === 0 ? 0 : 1 + Math.min(4, Math.floor((v / max) * 4.999));
        return s('g', {},
          s('rect', { x: left + j * cw + 1, y: top + i * ch + 1, width: cw - 2, height: ch - 2, class: `cell l${level}` },
            s('title', {}, `${rowLabel(r)} × ${colLabel(c)}: ${num(v)}`)),
          v ? s('text', { x: left + j * cw + cw / 2, y: top + i * ch + 17, 'text-anchor': 'middle', class: level >= 3 ? 'val inv' : 'val' }, num(v)) : null);
      }))));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, title), h('div', { class: 'scroll' }, svg));
}
