// Tick labels on log axes that stay readable: Plotly labels every digit between decades (2, 3, …, 9)
// when it has the room, which crushes the labels on a small chart and on an empty loss chart. Here
// an axis over more than two decades, or with little room per decade, labels decades only (every
// k-th decade when even those would touch); a short axis keeps the 2 and 5 between decades.

/** Height in px that one tick label needs, with a gap. */
const LABEL = 26;
/** Width in px that one label such as 10⁻¹⁰ needs on a horizontal axis, with a gap. */
const WIDE_LABEL = 44;
/** Room per decade under which the labels between decades are left out. */
const ROOM_FOR_MINOR = 110;

/**
 * The dtick for a log axis spanning `decades` over `length` px: undefined leaves Plotly's own
 * choice (less than a decade, where it labels plain numbers), 'D2' labels 1, 2 and 5 in each
 * decade, an integer k labels every k-th decade.
 */
export function logDtick(decades, length, label = LABEL) {
  if (!(decades > 0) || !Number.isFinite(decades) || !(length > 0)) return undefined;
  if (decades < 1) return undefined;
  if (decades <= 2 && length / decades >= ROOM_FOR_MINOR) return 'D2';
  const least = decades * label / length;
  return NICE.find((k) => k >= least) ?? Math.ceil(least);
}

/** Decade steps that read well: 10^-40, 10^-80 rather than 10^-39, 10^-78. */
const NICE = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500];

/** Sets the dtick of every log axis of a drawn chart to what its range and size allow. */
export function fitLogTicks(el, relayout) {
  const full = el._fullLayout;
  if (!full) return;
  const update = {};
  const ours = fitted.get(el) ?? new Set();
  for (const name of Object.keys(full)) {
    if (!AXIS.test(name)) continue;
    const axis = full[name];
    if (axis?.type !== 'log' || !Array.isArray(axis.range)) {
      // a loss axis turns linear when a loss goes negative: a decade dtick of 1 left on it would
      // ask Plotly for one tick per unit of loss, hundreds of millions of them, and hang the page
      if (ours.delete(name)) Object.assign(update, autoTicks(name));
      continue;
    }
    if (authorsOwn(el, name, ours)) continue;
    // labels side by side on an x axis need their width, not their height
    const want = logDtick(Math.abs(axis.range[1] - axis.range[0]), axis._length, name.startsWith('x') ? WIDE_LABEL : LABEL);
    const now = el.layout?.[name]?.dtick ?? undefined;
    if (want !== now) Object.assign(update, want === undefined ? autoTicks(name) : { [`${name}.dtick`]: want });
    if (want !== undefined) ours.add(name); else ours.delete(name);
  }
  fitted.set(el, ours);
  if (Object.keys(update).length) relayout(el, update);
}

/**
 * Gives an axis back to Plotly's own tick choice. Setting a dtick also set the axis's tickmode to
 * 'linear', and a linear tickmode without a dtick means a dtick of 1, so both go.
 */
export function autoTicks(name) {
  return { [`${name}.dtick`]: null, [`${name}.tickmode`]: 'auto' };
}

/**
 * Before a redraw of a chart whose log axes follow its data: sets the dtick each such axis will want
 * for the range its data will give it. A growing loss curve crossed a decade every few frames, and
 * each crossing cost a second redraw (the relayout after it) in that frame, often the first frame
 * after Play. When the estimate misses, the fit after the redraw still corrects it.
 */
export function presetLogTicks(el) {
  const full = el._fullLayout;
  const ours = fitted.get(el);
  if (!full || !ours || !el.layout || !Array.isArray(el.data)) return;
  for (const name of Object.keys(el.layout)) {
    if (!AXIS.test(name)) continue;
    const own = el.layout[name];
    const axis = full[name];
    if (own && own.type !== 'log' && ours.delete(name)) {
      // turned linear since it was fitted (a loss that went negative): its decade dtick goes now,
      // not in a relayout after this redraw
      delete own.dtick;
      own.tickmode = 'auto';
      continue;
    }
    if (own?.type !== 'log' || (Array.isArray(own.range) && own.autorange !== true) || !(axis?._length > 0)) continue;
    if (authorsOwn(el, name, ours)) continue;
    const decades = drawnDecades(el.data, name);
    if (decades === null || !Number.isFinite(decades)) continue;
    const want = logDtick(decades, axis._length, name.startsWith('x') ? WIDE_LABEL : LABEL);
    if (want === undefined) {
      if (ours.delete(name)) {
        delete own.dtick;
        own.tickmode = 'auto';
      }
    } else {
      own.dtick = want;
      own.tickmode = 'linear';
      ours.add(name);
    }
  }
}

/**
 * Decades that Plotly's autorange gives axis `name` for the positive values drawn on it, or null:
 * their span padded 5 % each side, or a decade either side of a single value.
 */
function drawnDecades(data, name) {
  const letter = name[0];
  const ref = letter + name.slice(5); // 'yaxis2' → 'y2', 'yaxis' → 'y'
  let lo = Infinity;
  let hi = -Infinity;
  for (const trace of data) {
    if (trace.visible === false || (trace[`${letter}axis`] ?? letter) !== ref) continue;
    const values = trace[letter];
    if (!values) continue;
    for (const v of values) {
      if (v > 0 && v < Infinity) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!(hi >= lo)) return null;
  // as a difference of logs: a ratio such as 1 / 2e-323 overflows to Infinity
  return hi === lo ? 2 : (Math.log10(hi) - Math.log10(lo)) / 0.9;
}

const AXIS = /^[xy]axis\d*$/;

/** Whether the chart's layout fixed this axis's dtick itself: its author's choice, left alone. */
function authorsOwn(el, name, ours) {
  const own = el.layout?.[name]?.dtick;
  return own !== undefined && own !== null && !ours.has(name);
}

/** The axes of each chart whose dtick this module set (and so may change or clear). */
const fitted = new WeakMap();
const watched = new WeakSet();

/** Keeps fitting the ticks of `el` after every redraw (new data, resize, relayout), then runs `also`. */
export function watchLogTicks(el, relayout, also = () => {}) {
  if (watched.has(el) || typeof el.on !== 'function') return;
  watched.add(el);
  el.on('plotly_afterplot', () => {
    fitLogTicks(el, relayout);
    also();
  });
}
