// optimizer-race: several optimizers from one start on a shared clock, with a leaderboard. Tuned
// (the server sweeps each optimizer's learning rate and races each at its best), it also draws the
// sweep the rates came from.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import * as paths from './paths.js';
import { num, optimizerName, toNumber } from './format.js';

async function plot(w) {
  await paths.plotRuns(w, w.specs.map((spec) => ({ label: optimizerName(spec.optimizer.name), colour: colour(spec.optimizer.name) })));
  w.local.sweep = w.requests.sweep ? (w.answers.sweep && w.local.sweepFor === w.requests.sweep ? w.answers.sweep : await w.ask('sweep')) : null;
  w.local.sweepFor = w.requests.sweep;
  w.figure.querySelector('[data-sweep]').hidden = !w.local.sweep;
  if (w.local.sweep) await plotSweep(w);
}

async function plotSweep(w) {
  const Plotly = charts.plotly();
  const c = themeColours();
  const curves = w.local.sweep.curves;
  const finite = curves.flatMap((cv) => cv.points.map((p) => p.final_loss).filter((v) => v !== null && v > 0));
  const floor = Math.max(1e-32, Math.min(...finite, 1) / 10);
  const ceiling = Math.max(...finite, 1) * 10;
  const traces = [];
  curves.forEach((cv, k) => {
    // diverged runs sit in a row above the curves, one row per optimizer so none hides another
    const shown = (p) => (p.final_loss === null ? ceiling * 2.2 ** k : Math.max(p.final_loss, floor));
    const col = colour(cv.optimizer);
    const label = optimizerName(cv.optimizer);
    const ok = cv.points.filter((p) => p.final_loss !== null);
    const bad = cv.points.filter((p) => p.final_loss === null);
    traces.push({
      type: 'scatter', mode: 'lines+markers', name: label, x: ok.map((p) => p.lr), y: ok.map(shown),
      line: { color: col, width: 2 }, marker: { color: col, size: 6 },
      customdata: ok.map((p) => [p.final_loss, p.reached_at === null ? 'never' : `step ${p.reached_at}`]),
      hovertemplate: `${label}<br>lr %{x:.3g}<br>final loss %{customdata[0]:.3g}<br>below tolerance for good: %{customdata[1]}<extra></extra>`,
    });
    traces.push({
      type: 'scatter', mode: 'markers', name: `${label} diverged`, showlegend: false, x: bad.map((p) => p.lr), y: bad.map(shown),
      marker: { color: col, size: 8, symbol: 'x-thin', line: { color: col, width: 2 } },
      hovertemplate: `${label}<br>lr %{x:.3g}<br>diverged<extra></extra>`,
    });
    if (cv.best_index !== null) {
      const best = cv.points[cv.best_index];
      traces.push({
        type: 'scatter', mode: 'markers', name: `${label} best`, showlegend: false, x: [best.lr], y: [shown(best)],
        marker: { color: col, size: 17, symbol: 'circle-open', line: { color: col, width: 3 } },
        hovertemplate: `${label} races at lr %{x:.3g}<extra></extra>`,
      });
    }
  });
  const tol = w.local.sweep.tolerance;
  await Plotly.react(w.figure.querySelector('[data-chart="sweep"]'), traces, charts.layout({
    showlegend: true,
    margin: { l: 56, r: 12, t: 36, b: 44 },
    xaxis: { title: { text: 'learning rate (log)' }, type: 'log', exponentformat: 'power' },
    yaxis: { title: { text: `final loss after ${w.local.sweep.max_steps} steps` }, type: 'log', exponentformat: 'power', range: [Math.log10(floor) - 0.3, Math.log10(ceiling * 2.2 ** curves.length) + 0.2] },
    shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: tol, y1: tol, line: { color: c.faint, width: 1.5, dash: 'dot' } }],
    annotations: [
      { xref: 'paper', x: 0, y: Math.log10(tol), yref: 'y', text: `tolerance ${num(tol)}`, showarrow: false, xanchor: 'left', yanchor: 'bottom', font: { size: 11, color: c.soft } },
      { xref: 'paper', x: 1, y: Math.log10(ceiling), yref: 'y', text: '× diverged', showarrow: false, xanchor: 'right', yanchor: 'top', font: { size: 11, color: c.soft } },
    ],
  }), charts.config(`${w.id}-sweep`));
}

/** The first step at which run i's loss went below the tolerance, if it has by step t. */
function reached(w, i, t) {
  const steps = w.player.runs[i].steps;
  const last = Math.min(t, steps.length - 1);
  for (let k = 0; k <= last; k++) if (toNumber(steps[k].loss) < w.config.tolerance) return k;
  return null;
}

function draw(w, t, reset) {
  paths.drawRuns(w, t, reset, (i) => {
    const hit = reached(w, i, t);
    return hit === null ? '–' : String(hit);
  });
}

function summary(w) {
  const names = w.specs.map((spec) => spec.optimizer.name);
  const order = names.map((name, i) => ({ name, hit: reached(w, i, Infinity) }))
    .sort((a, b) => (a.hit ?? Infinity) - (b.hit ?? Infinity));
  const winner = order[0];
  const lead = winner.hit === null
    ? `No optimizer got the loss below ${num(w.config.tolerance)}`
    : `${optimizerName(winner.name)} was first below loss ${num(w.config.tolerance)}, at step ${winner.hit}`;
  const how = w.local.sweep ? ' (each at its tuned learning rate)' : '';
  return `${lead}${how}. ` + names.map((name, i) => w.describeRun(i, optimizerName(name))).join('; ') + '.';
}

export default { charts: plot, draw, summary };
