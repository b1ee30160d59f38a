// The widget footer's "PNG" button: the widget's charts as one picture, laid out as on the page,
// on the page's background colour, at twice the screen's resolution.

import { engines } from './plotly-engines.js';

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
  return [...figure.querySelectorAll('.js-plotly-plot')].filter((el) => el.offsetWidth > 0 && el.offsetHeight > 0);
}

async function picture(figure) {
  const plots = charts(figure);
  if (plots.length === 0) return null;
  const boxes = plots.map((el) => el.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const width = Math.max(...boxes.map((b) => b.right)) - left;
  const height = Math.max(...boxes.map((b) => b.bottom)) - top;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const g = canvas.getContext('2d');
  g.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < plots.length; i++) {
    const box = boxes[i];
    const url = await engines.toImage(plots[i], { format: 'png', width: Math.round(box.width), height: Math.round(box.height), scale: SCALE });
    const img = await loadImage(url);
    g.drawImage(img, (box.left - left) * SCALE, (box.top - top) * SCALE, box.width * SCALE, box.height * SCALE);
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
