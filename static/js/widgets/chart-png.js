// The widget footer's "PNG" button: the widget's charts as one picture, laid out as on the page,
// on the page's background colour, at twice the screen's resolution. The charts' keys are HTML
// above each plot (chart-key.js), which Plotly's images leave out: they are drawn in a band above
// the charts, each run once.

import { engines } from './plotly-engines.js';
import { under } from './map-layer.js';

const SCALE = 2;

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('a chart could not be drawn'));
    img.src = url;
  });
}

function charts(figure) {
  return [...figure.querySelectorAll('.js-plotly-plot:not(.chart-map)')].filter((el) => el.offsetWidth > 0 && el.offsetHeight > 0);
}

/** The runs named in the widget's chart keys, each once: { label, colour, dash, width, dot }. */
function keyEntries(plots) {
  const seen = new Map();
  for (const plot of plots) {
    for (const li of plot.querySelectorAll(':scope > .chart-key li')) {
      const line = li.querySelector('line');
      const dot = li.querySelector('circle');
      const label = li.textContent.trim();
      const entry = line
        ? { label, colour: getComputedStyle(line).stroke, dash: line.getAttribute('stroke-dasharray') ?? '', width: Number(line.getAttribute('stroke-width')) || 2, dot: false }
        : { label, colour: dot ? getComputedStyle(dot).fill : getComputedStyle(li).color, dash: '', width: 0, dot: true };
      const id = `${entry.label}|${entry.colour}|${entry.dash}`;
      if (!seen.has(id)) seen.set(id, entry);
    }
  }
  return [...seen.values()];
}

const KEY = { row: 20, pad: 8, swatch: 26, gap: 6, between: 16, font: 12 };

/** Places the entries in rows across `width` (CSS px); returns their spots and the band's height. */
function placeKey(g, entries, width) {
  const spots = [];
  let x = KEY.pad;
  let row = 0;
  for (const e of entries) {
    const w = KEY.swatch + KEY.gap + g.measureText(e.label).width;
    if (x > KEY.pad && x + w > width - KEY.pad) {
      x = KEY.pad;
      row++;
    }
    spots.push({ e, x, y: KEY.pad + row * KEY.row + KEY.row / 2 });
    x += w + KEY.between;
  }
  return { spots, height: entries.length ? 2 * KEY.pad + (row + 1) * KEY.row : 0 };
}

function drawKey(g, spots, colour) {
  g.textBaseline = 'middle';
  for (const { e, x, y } of spots) {
    g.save();
    if (e.dot) {
      g.fillStyle = e.colour;
      g.beginPath();
      g.arc(x + KEY.swatch / 2, y, 4, 0, 2 * Math.PI);
      g.fill();
    } else {
      g.strokeStyle = e.colour;
      g.lineWidth = Math.max(2, Math.min(3, e.width));
      g.setLineDash(e.dash.split(/[ ,]+/).filter(Boolean).map(Number));
      g.beginPath();
      g.moveTo(x, y);
      g.lineTo(x + KEY.swatch, y);
      g.stroke();
    }
    g.restore();
    g.fillStyle = colour;
    g.fillText(e.label, x + KEY.swatch + KEY.gap, y);
  }
}

/** The picture as a PNG blob, or null when the widget shows no chart. */
export async function picture(figure) {
  const plots = charts(figure);
  if (plots.length === 0) return null;
  const boxes = plots.map((el) => el.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const width = Math.max(...boxes.map((b) => b.right)) - left;
  const height = Math.max(...boxes.map((b) => b.bottom)) - top;
  const page = getComputedStyle(document.documentElement);
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d');
  const font = `${KEY.font}px ${getComputedStyle(document.body).fontFamily}`;
  g.font = font;
  const key = placeKey(g, keyEntries(plots), width);
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round((key.height + height) * SCALE);
  g.fillStyle = page.getPropertyValue('--bg').trim() || '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(SCALE, SCALE);
  g.font = font;
  drawKey(g, key.spots, page.getPropertyValue('--fg').trim() || '#000');
  g.setTransform(1, 0, 0, 1, 0, 0);
  for (let i = 0; i < plots.length; i++) {
    const box = boxes[i];
    // a chart's contour map is a graph of its own under it (map-layer.js): drawn first
    for (const layer of [under(plots[i]), plots[i]].filter(Boolean)) {
      const url = await engines.toImage(layer, { format: 'png', width: Math.round(box.width), height: Math.round(box.height), scale: SCALE });
      const img = await loadImage(url);
      g.drawImage(img, (box.left - left) * SCALE, (key.height + box.top - top) * SCALE, box.width * SCALE, box.height * SCALE);
    }
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Binds the PNG button of a widget, if its footer has one. */
export function bindPngDownload(figure) {
  const button = figure.querySelector('[data-action="download-png"]');
  if (!button) return;
  let busy = false;
  button.addEventListener('click', async () => {
    // not `disabled`: that would throw the keyboard focus out of the widget
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const blob = await picture(figure);
      if (!blob) return;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `downhill-${figure.dataset.widget}-${figure.id}.png`;
      document.body.append(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    } catch (error) {
      console.error(`${figure.id}: PNG download failed`, error);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  });
}
