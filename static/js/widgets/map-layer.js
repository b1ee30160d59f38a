// A chart's filled contour map, drawn once in a graph of its own under the chart.
//
// Plotly recomputes every trace of a chart on each redraw, and a filled contour of an 80 × 80 grid
// costs it ~30 ms: most of an animation frame, on a chart whose paths grow every frame. So the map
// is drawn once, in a static graph laid exactly under the chart's plot area, and the chart keeps at
// the map's index a transparent heatmap of the same grid: it answers hovers (x, y, f) and clicks
// (set the start) like the map did, and costs a redraw ~2 ms instead of ~30.

const maps = new WeakMap();

/** The transparent stand-in the chart keeps where the map was. */
function standIn(map) {
  return {
    type: 'heatmap', x: map.x, y: map.y, z: map.z, customdata: map.customdata,
    hovertemplate: map.hovertemplate, hoverinfo: map.hoverinfo, name: map.name,
    colorscale: map.colorscale, opacity: 0, showscale: false, zsmooth: false,
  };
}

/**
 * The traces and layout the chart itself draws for `data`: each contour map replaced by its
 * stand-in, and no grid (it would lie over the map; under it, the map hid it).
 */
export function split(el, data, layout) {
  const found = [];
  const traces = data.map((trace, index) => {
    if (trace?.type !== 'contour') return trace;
    found.push({ index, trace });
    return standIn(trace);
  });
  const state = maps.get(el);
  if (found.length === 0) {
    if (state) state.maps = [];
    return { data, layout };
  }
  maps.set(el, { ...state, maps: found, key: null });
  const bare = { showgrid: false, zeroline: false };
  return { data: traces, layout: { ...layout, xaxis: { ...layout?.xaxis, ...bare }, yaxis: { ...layout?.yaxis, ...bare } } };
}

/** The graph under `el` that holds its map, or null. */
export function under(el) {
  const state = maps.get(el);
  return state?.maps.length && state.node?.isConnected ? state.node : null;
}

/**
 * Draws (or moves) the map under the chart's plot area; nothing to do when the chart's size and
 * axes are as they were. Called after each redraw of the chart.
 */
export function drawUnder(el, Plotly) {
  const state = maps.get(el);
  const full = el._fullLayout;
  if (!state || !full?.xaxis || !full.yaxis) return;
  if (state.maps.length === 0) {
    if (state.node) state.node.hidden = true;
    return;
  }
  const x = full.xaxis;
  const y = full.yaxis;
  const key = [full.width, full.height, x._offset, x._length, y._offset, y._length, ...x.range, ...y.range].join();
  if (key === state.key) return;
  state.key = key;
  if (!state.node) {
    state.node = document.createElement('div');
    state.node.className = 'chart-map';
    state.node.setAttribute('aria-hidden', 'true');
  }
  if (state.node.parentNode !== el) el.prepend(state.node);
  state.node.hidden = false;
  const axis = (a) => ({ type: a.type, range: a.range.slice(), visible: false, fixedrange: true });
  // in a task after the chart's own drawing, so the two do not add up to one long task
  const traces = state.maps.map((m) => m.trace);
  const { node } = state;
  state.drawn = new Promise((resolve) => setTimeout(resolve, 0)).then(() => Plotly.react(node, traces, {
    width: full.width, height: full.height,
    margin: { l: x._offset, r: full.width - x._offset - x._length, t: y._offset, b: full.height - y._offset - y._length, pad: 0, autoexpand: false },
    paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)',
    xaxis: axis(x), yaxis: axis(y), showlegend: false, hovermode: false,
  }, { staticPlot: true, displayModeBar: false, responsive: false }));
}

/** Applies a restyle of the chart's map traces to the graph under it as well. */
export function restyleUnder(el, Plotly, update, indices) {
  const node = under(el);
  if (!node) return;
  const state = maps.get(el);
  if (indices === undefined) {
    state.drawn.then(() => Plotly.restyle(node, update));
    return;
  }
  // an array value holds one entry per index restyled: keep the maps' entries, in the maps' order
  const wanted = [].concat(indices);
  const at = [];
  const picks = [];
  state.maps.forEach((m, i) => {
    const k = wanted.indexOf(m.index);
    if (k >= 0) { at.push(i); picks.push(k); }
  });
  if (at.length === 0) return;
  const own = Object.fromEntries(Object.entries(update).map(([name, value]) => [name,
    Array.isArray(value) ? picks.map((k) => value[k % value.length]) : value]));
  state.drawn.then(() => Plotly.restyle(node, own, at));
}

/** Removes the map graph (the chart turned 3D or was purged). */
export function drop(el, Plotly) {
  const state = maps.get(el);
  if (!state) return;
  if (state.node) {
    Plotly.purge(state.node);
    state.node.remove();
  }
  maps.delete(el);
}
