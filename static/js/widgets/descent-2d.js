// descent-2d: one optimizer's path over a contour map (or a 3D surface), with its loss curve beside it.

import { colour } from './theme.js';
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

async function plot(w) {
  const spec = w.specs[0];
  const land = await landscape(w, spec.problem);
  const name = optimizerName(spec.optimizer.name);
  const c = colour(spec.optimizer.name);
  const Plotly = charts.plotly();
  const contour = w.figure.querySelector('[data-chart="contour"]');
  w.local.surface = Boolean(w.value('surface'));
  if (w.local.surface) {
    const z = land.z.map((row) => row.map((v) => surfaceZ(land, v)));
    await Plotly.react(contour, [
      { type: 'surface', x: land.x, y: land.y, z, showscale: false, opacity: 0.9, colorscale: 'Blues', reversescale: true, hoverinfo: 'skip' },
      { type: 'scatter3d', mode: 'lines+markers', x: [], y: [], z: [], line: { color: c, width: 5 }, marker: { size: 2.5, color: c }, name },
    ], charts.layout({ margin: { l: 0, r: 0, t: 0, b: 0 }, scene: { xaxis: { title: 'x' }, yaxis: { title: 'y' }, zaxis: { title: 'log(1+f−min)' } } }),
    charts.config(`${w.id}-surface`));
  } else {
    await Plotly.react(contour, [
      charts.contourTrace(land),
      charts.minimaTrace(land),
      charts.pathTrace(name, c),
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
  const Plotly = charts.plotly();
  const { land, surface } = w.local;
  const contour = w.figure.querySelector('[data-chart="contour"]');
  const lossEl = w.figure.querySelector('[data-chart="loss"]');
  if (!land || !contour.data || !w.player.runs.length) return;
  const steps = w.player.runs[0].steps;
  const upto = Math.min(t, steps.length - 1);
  if (reset || upto < w.local.drawn) {
    // the path drawn before goes, head too, even while the new run's steps are on their way
    w.local.drawn = -1;
    if (surface) Plotly.restyle(contour, { x: [[]], y: [[]], z: [[]] }, [1]);
    else Plotly.restyle(contour, { x: [[], []], y: [[], []] }, [2, 3]);
    Plotly.restyle(lossEl, { x: [[]], y: [[]] }, [0]);
  }
  if (!steps.length) return;
  if (upto > w.local.drawn) {
    const xy = charts.slice(steps, w.local.drawn, upto, (s) => [charts.finite(s.params[0]), charts.finite(s.params[1])]);
    // the axis and the floor from every step received, so points drawn now stay right later
    const { type, floor } = charts.lossScale(w.player.runs);
    const loss = charts.slice(steps, w.local.drawn, upto,
      (s) => [s.t, type === 'log' ? charts.lossOnLog(s.loss, floor) : charts.finite(s.loss)]);
    if (surface) {
      const z = steps.slice(w.local.drawn + 1, upto + 1).map((s) => surfaceZ(land, toNumber(s.loss)));
      Plotly.extendTraces(contour, { x: [xy[0]], y: [xy[1]], z: [z] }, [1]);
    } else {
      Plotly.extendTraces(contour, { x: [xy[0]], y: [xy[1]] }, [2]);
    }
    Plotly.extendTraces(lossEl, { x: [loss[0]], y: [loss[1]] }, [0]);
    w.local.drawn = upto;
    charts.setLossAxis(lossEl, type);
  }
  if (!surface) {
    const head = steps[upto];
    Plotly.restyle(contour, { x: [[charts.finite(head.params[0])]], y: [[charts.finite(head.params[1])]] }, [3]);
  }
}

function summary(w) {
  return w.describeRun(0, optimizerName(w.specs[0].optimizer.name)) + '.';
}

export default { charts: plot, draw, summary };
