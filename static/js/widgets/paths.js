// Several runs over one contour map with one loss chart: the drawing shared by lr-compare and
// optimizer-race. `view` holds the two chart elements and what has been drawn so far:
//   { contour, loss, drawn: [last step drawn per run], offset: index of the first path trace }

import * as charts from './charts.js';
import { pattern, themeKey } from './theme.js';
import { Board } from './board.js';
import { num, toNumber } from './format.js';

/**
 * Plots the contour (with any underlays, e.g. a basin map), one path per series and their heads,
 * and the loss traces; `markers` as pathTrace takes them (charts.markersFor).
 */
export async function plot(view, land, series, underlays = [], markers = 0) {
  const Plotly = charts.plotly();
  view.offset = 2 + underlays.length;
  // each later run a little thinner, so the last one drawn does not hide the ones under it
  const width = (i, widest) => Math.max(1.2, widest - 0.3 * i);
  // the same map, runs and theme (a restart with a new learning rate or start): the charts stay,
  // and the next frame empties the old paths as it draws the new ones, one redraw per chart
  // instead of drawing both charts whole first
  const shape = underlays.length ? null : JSON.stringify([series, markers, themeKey()]);
  if (shape && view.land === land && view.shape === shape && view.contour.data && view.loss.data) {
    view.drawn = series.map(() => -1);
    view.stale = true;
    return;
  }
  view.land = land;
  view.shape = shape;
  view.stale = false;
  await Plotly.react(view.contour, [
    charts.contourTrace(land),
    ...underlays,
    charts.minimaTrace(land),
    ...series.map((s, i) => charts.pathTrace(s.label, s.colour, { width: width(i, 2.6), markers })),
    // every run's head in one trace, in run order: a trace per head cost each frame ~2 ms
    charts.headTrace(series.map((s) => s.colour)),
  ], charts.layout({
    xaxis: { range: land.range[0], title: { text: 'x' } },
    yaxis: { range: land.range[1], title: { text: 'y' } },
  }), charts.config(`${view.id}-paths`));
  await Plotly.react(view.loss, series.map((s, i) => charts.lossTrace(s.label, s.colour, { width: width(i, 2.4), dash: pattern(s.colour).dash })), charts.layout({
    showlegend: true,
    xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
    yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
  }), charts.config(`${view.id}-loss`));
  view.drawn = series.map(() => -1);
}

/** Extends every run's path and loss up to step t (from scratch when reset) and moves the heads. */
export function draw(view, player, t, reset) {
  const n = player.runs.length;
  const paths = charts.changes(view.contour);
  const curves = charts.changes(view.loss);
  // the axis and the floor from every step received, so points drawn now stay right later
  const { type, floor } = charts.lossScale(player.runs);
  const lossAt = (s) => (type === 'log' ? charts.lossOnLog(s.loss, floor) : charts.finite(s.loss));
  let any = false;
  // an earlier state's heads go with its paths
  if (view.stale) paths.clear([view.offset + n]);
  for (let i = 0; i < n; i++) {
    const steps = player.runs[i].steps;
    const upto = Math.min(t, steps.length - 1);
    if (reset || view.stale || upto < view.drawn[i]) {
      view.drawn[i] = -1;
      paths.clear([view.offset + i]);
      curves.clear([i]);
    }
    const xy = charts.slice(steps, view.drawn[i], upto, (s) => [charts.finite(s.params[0]), charts.finite(s.params[1])]);
    const loss = charts.slice(steps, view.drawn[i], upto, (s) => [s.t, lossAt(s)]);
    paths.extend(view.offset + i, xy[0], xy[1]);
    curves.extend(i, loss[0], loss[1]);
    if (xy[0].length) any = true;
    view.drawn[i] = Math.max(view.drawn[i], upto);
  }
  view.stale = false;
  if (any) charts.setLossAxis(view.loss, type, curves);
  const heads = player.runs.map((_, i) => player.stepOf(i, t));
  if (heads.every(Boolean)) {
    paths.set(view.offset + n, heads.map((s) => charts.finite(s.params[0])), heads.map((s) => charts.finite(s.params[1])));
  }
  paths.draw();
  curves.draw();
}

/**
 * The set-up the race-like widgets share (one problem, several runs, a table): the problem's map,
 * fetched again only when the problem changes, the two charts and the table's rows for `series`.
 */
export async function plotRuns(w, series) {
  const problem = w.specs[0].problem;
  const key = JSON.stringify(problem);
  if (w.local.landKey !== key) {
    w.local.land = await charts.landscape(w.api, problem, 80);
    w.local.landKey = key;
  }
  w.local.view ??= { id: w.id, contour: w.figure.querySelector('[data-chart="contour"]'), loss: w.figure.querySelector('[data-chart="loss"]') };
  await plot(w.local.view, w.local.land, series, [], charts.markersFor(w.specs));
  w.local.board = w.local.board ?? new Board(w, w.figure.querySelector('[data-board] tbody'));
  w.local.board.build(series);
}

/**
 * Draws the runs up to step t and fills the table: each row is the run's lr, `middle(i, step)`
 * (the column the widget has its own words for), its loss and its status.
 */
export function drawRuns(w, t, reset, middle) {
  if (!w.local.view?.drawn || !w.local.view.contour.data) return;
  draw(w.local.view, w.player, t, reset);
  w.local.board.fill(t, (i) => {
    const step = w.player.stepOf(i, t);
    return [num(w.specs[i].optimizer.lr, 3), middle(i, step), step ? num(toNumber(step.loss), 3) : '–', w.local.board.statusAt(i, t)];
  });
}
