// descent-2d: one optimizer's path over a contour map (or a 3D surface), with its loss curve beside it.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { optimizerName, toNumber } from './format.js';

async function landscape(w, problem) {
  const key = JSON.stringify(problem);
  if (w.local.landKey !== key) {
    w.local.land = await charts.landscape(w.api, problem, 80);
    w.local.landKey = key;
  }
  return w.local.land;
}

const surfaceZ = (land, loss) => Math.log10(1 + loss - land.min);

/** f at (x, y) between the landscape's grid points, as the drawn surface has it (bilinear). */
function landAt(land, x, y) {
  const cell = (axis, v) => {
    const n = axis.length - 1;
    const f = ((v - axis[0]) / (axis[n] - axis[0])) * n;
    const i = Math.max(0, Math.min(n - 1, Math.floor(f)));
    return [i, Math.max(0, Math.min(1, f - i))];
  };
  const [i, u] = cell(land.x, x);
  const [j, v] = cell(land.y, y);
  const z = land.z;
  return (1 - v) * ((1 - u) * z[j][i] + u * z[j][i + 1]) + v * ((1 - u) * z[j + 1][i] + u * z[j + 1][i + 1]);
}

/**
 * Heights on the 3D surface, lifted a little above it: a path drawn at the surface's own height
 * disappears into it wherever the mesh bulges between grid points.
 */
function surfaceHeights(land) {
  const z = land.z.map((row) => row.map((v) => surfaceZ(land, v)));
  let top = -Infinity;
  for (const row of z) for (const v of row) if (v > top) top = v;
  const lift = 0.02 * Math.max(top, 1e-9);
  // the path is drawn at the larger of its own loss and the surface under it, then lifted
  const over = (x, y, loss) => Math.max(surfaceZ(land, loss), surfaceZ(land, landAt(land, x, y))) + lift;
  return { z, over };
}

async function plot(w) {
  const spec = w.specs[0];
  const land = await landscape(w, spec.problem);
  const name = optimizerName(spec.optimizer.name);
  const c = colour(spec.optimizer.name);
  const Plotly = charts.plotly();
  const contour = w.figure.querySelector('[data-chart="contour"]');
  w.local.surface = Boolean(w.value('surface'));
  if (w.local.surface) {
    const { z, over } = surfaceHeights(land);
    w.local.over = over;
    const minima = land.minima ?? [];
    const tc = themeColours();
    await Plotly.react(contour, [
      { type: 'surface', x: land.x, y: land.y, z, showscale: false, opacity: 0.92, colorscale: charts.mapColourscale(), hoverinfo: 'skip',
        contours: { z: { show: true, usecolormap: false, color: tc.faint, width: 1 } } },
      { type: 'scatter3d', mode: 'lines+markers', x: [], y: [], z: [], line: { color: c, width: 6 }, marker: { size: 2.5, color: c }, name },
      { type: 'scatter3d', mode: 'markers', name: 'minimum', x: minima.map((m) => m[0]), y: minima.map((m) => m[1]),
        z: minima.map((m) => over(m[0], m[1], land.min)),
        marker: { symbol: 'diamond', size: 6, color: tc.fg, line: { width: 1, color: tc.bg } },
        hovertemplate: 'minimum (%{x:.3g}, %{y:.3g})<extra></extra>' },
    ], charts.layout({
      // the camera a little further out than Plotly's, and room around the scene: the axes' tick
      // labels were cut at the chart's edges
      margin: { l: 8, r: 8, t: 24, b: 8 },
      // the height's meaning above the scene: as the z axis's title it was cut off at the edge
      annotations: [{ text: 'height: log(1 + f − min)', xref: 'paper', yref: 'paper', x: 0, y: 1, yshift: 20,
        xanchor: 'left', yanchor: 'top', showarrow: false, font: { size: 11, color: tc.soft } }],
      scene: {
        xaxis: { title: { text: 'x' }, tickfont: { size: 10 } }, yaxis: { title: { text: 'y' }, tickfont: { size: 10 } },
        zaxis: { title: { text: '' }, tickfont: { size: 10 } },
        camera: { eye: { x: 1.7, y: 1.7, z: 1.45 } },
      },
    }), charts.config(`${w.id}-surface`));
  } else {
    await Plotly.react(contour, [
      charts.contourTrace(land),
      charts.minimaTrace(land),
      charts.pathTrace(name, c, { markers: charts.markersFor(w.specs) }),
      charts.headTrace(c),
    ], charts.layout({
      xaxis: { range: land.range[0], title: { text: 'x' } },
      yaxis: { range: land.range[1], title: { text: 'y' }, scaleanchor: undefined },
    }), charts.config(`${w.id}-path`));
  }
  await Plotly.react(w.figure.querySelector('[data-chart="loss"]'), [charts.lossTrace(name, c)], charts.layout({
    xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
    yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
    shapes: [], annotations: [],
  }), charts.config(`${w.id}-loss`));
  w.local.drawn = -1;
}

function draw(w, t, reset) {
  const { land, surface } = w.local;
  const contour = w.figure.querySelector('[data-chart="contour"]');
  const lossEl = w.figure.querySelector('[data-chart="loss"]');
  if (!land || !contour.data || !w.player.runs.length) return;
  const steps = w.player.runs[0].steps;
  const upto = Math.min(t, steps.length - 1);
  const path = charts.changes(contour);
  const curve = charts.changes(lossEl);
  if (reset || upto < w.local.drawn) {
    // the path drawn before goes, head too, even while the new run's steps are on their way
    w.local.drawn = -1;
    path.clear(surface ? [1] : [2, 3]);
    curve.clear([0]);
  }
  if (steps.length && upto > w.local.drawn) {
    const xy = charts.slice(steps, w.local.drawn, upto, (s) => [charts.finite(s.params[0]), charts.finite(s.params[1])]);
    // the axis and the floor from every step received, so points drawn now stay right later
    const { type, floor } = charts.lossScale(w.player.runs);
    const loss = charts.slice(steps, w.local.drawn, upto,
      (s) => [s.t, type === 'log' ? charts.lossOnLog(s.loss, floor) : charts.finite(s.loss)]);
    if (surface) {
      const z = steps.slice(w.local.drawn + 1, upto + 1).map((s) => w.local.over(toNumber(s.params[0]), toNumber(s.params[1]), toNumber(s.loss)));
      path.extend(1, xy[0], xy[1], z);
    } else {
      path.extend(2, xy[0], xy[1]);
    }
    curve.extend(0, loss[0], loss[1]);
    w.local.drawn = upto;
    charts.setLossAxis(lossEl, type, curve);
  }
  if (steps.length && !surface) {
    const head = steps[upto];
    path.set(3, [charts.finite(head.params[0])], [charts.finite(head.params[1])]);
  }
  path.draw();
  curve.draw();
}

function summary(w) {
  return w.describeRun(0, optimizerName(w.specs[0].optimizer.name)) + '.';
}

export default { charts: plot, draw, summary };
