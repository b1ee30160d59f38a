// The legend of a chart, drawn as a key above its plot area instead of Plotly's own legend, which
// wrapped one entry per row on a narrow chart and covered the first iterations of every run. The
// key wraps like text, shows each run's colour and line pattern, and the plot area starts below it.

const DASHES = {
  solid: '', dot: '2,3', dash: '6,3', longdash: '10,3', dashdot: '6,3,2,3', longdashdot: '10,3,2,3',
};
const SVG = 'http://www.w3.org/2000/svg';

function sample(trace) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const lines = String(trace.mode ?? 'lines').includes('lines');
  if (lines) {
    const line = document.createElementNS(SVG, 'line');
    const dash = trace.line?.dash ?? 'solid';
    Object.entries({ x1: 1, y1: 5, x2: 25, y2: 5, stroke: trace.line?.color ?? 'currentColor',
      'stroke-width': Math.min(3, trace.line?.width ?? 2), 'stroke-dasharray': DASHES[dash] ?? dash })
      .forEach(([k, v]) => line.setAttribute(k, String(v)));
    svg.append(line);
  } else {
    const dot = document.createElementNS(SVG, 'circle');
    Object.entries({ cx: 13, cy: 5, r: 4, fill: Array.isArray(trace.marker?.color) ? 'currentColor' : (trace.marker?.color ?? 'currentColor') })
      .forEach(([k, v]) => dot.setAttribute(k, String(v)));
    svg.append(dot);
  }
  return svg;
}

/**
 * Before a chart is drawn by newPlot or react: when its layout asks for a legend, draws the key
 * and returns the layout without Plotly's legend and with the room above the plot for the key;
 * otherwise removes a key drawn before. Plotly never draws its own legend: one that was drawn and
 * then hidden kept its width reserved in the left margin.
 */
export function withKey(el, data, layout) {
  let key = el.querySelector(':scope > .chart-key');
  if (layout?.showlegend !== true) {
    key?.remove();
    return layout;
  }
  // the traces as the widget gave them: Plotly hides a trace without points yet, and a key
  // before Play names the runs to come
  const traces = (data ?? []).filter((t) => t && t.visible !== false && t.name && t.showlegend !== false
    && (t.type ?? 'scatter').startsWith('scatter'));
  if (!key) {
    key = document.createElement('ul');
    key.className = 'chart-key';
    // the runs are named in the widget's table and summary; this only matches lines to names
    key.setAttribute('aria-hidden', 'true');
    el.prepend(key);
  }
  key.replaceChildren(...traces.map((t) => {
    const li = document.createElement('li');
    li.append(sample(t), document.createTextNode(t.name));
    return li;
  }));
  // the width the plot is drawn at, as the redraws after it are measured (fitKey); none before the first
  key.dataset.width = String(el._fullLayout?.width ?? '');
  return { ...layout, showlegend: false, margin: { ...layout.margin, t: room(key) } };
}

/** After a redraw that changed the chart's width (the key wraps differently): keeps the plot area below the key. */
export function fitKey(el, relayout) {
  const key = el.querySelector(':scope > .chart-key');
  // Plotly's width, not the element's: reading that after a redraw made the browser lay the page
  // out again in every frame of a playing run
  const width = el._fullLayout?.width;
  // measured only when the width changed, not on every frame of a playing run
  if (!key || !width || key.dataset.width === String(width)) return;
  key.dataset.width = String(width);
  const top = room(key);
  if (Math.abs((el.layout?.margin?.t ?? 0) - top) > 1) relayout(el, { 'margin.t': top });
}

const room = (key) => Math.max(12, Math.ceil(key.getBoundingClientRect().height) + 8);
