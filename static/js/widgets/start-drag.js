// Dragging a 2D widget's start point across its contour map. While the marker moves, the runs
// from under the pointer are drawn faintly (the preview a slider has), and letting go sets the
// start, as a click does. The start's number boxes are the keyboard's way to the same control.
//
// Only a press on (or near) the start marker drags; a press elsewhere stays a click that sets the
// start, and on a phone a swipe over the rest of the map still scrolls the page.

/** How near the start marker, in CSS px, a press picks it up (a 44 px target). */
const REACH = 22;

/** The chart's plot area in page pixels, and the axes that turn pixels into data. */
function plotArea(chart) {
  const full = chart._fullLayout;
  if (!full?.xaxis?.p2l || !full.yaxis?.p2l) return null;
  const box = chart.getBoundingClientRect();
  return { box, xa: full.xaxis, ya: full.yaxis };
}

/** The data point under a pointer, kept inside the plot area and the control's bounds (the server's). */
function pointAt(area, control, clientX, clientY) {
  const { box, xa, ya } = area;
  const px = Math.min(Math.max(clientX - box.left - xa._offset, 0), xa._length);
  const py = Math.min(Math.max(clientY - box.top - ya._offset, 0), ya._length);
  return [xa.p2l(px), ya.p2l(py)].map((v, k) => {
    const [min, max] = control.axes[k];
    return Number(Math.min(max, Math.max(min, v)).toPrecision(4));
  });
}

/** Whether a pointer at (clientX, clientY) is on the start marker at data point `start`. */
function onStart(area, start, clientX, clientY) {
  if (!Array.isArray(start)) return false;
  const { box, xa, ya } = area;
  const sx = box.left + xa._offset + xa.l2p(start[0]);
  const sy = box.top + ya._offset + ya.l2p(start[1]);
  return Math.hypot(clientX - sx, clientY - sy) <= REACH;
}

/**
 * Lets the learner drag the start marker of `chart`; `w` is the widget's runtime and `control`
 * its start control (a point). Safe to call again after a redraw: binds once per chart.
 */
export function bindStartDrag(w, chart, control) {
  if (chart.dataset.dragBound) return;
  chart.dataset.dragBound = 'true';
  const dot = document.createElement('span');
  dot.className = 'start-drag';
  dot.hidden = true;
  dot.setAttribute('aria-hidden', 'true');
  chart.append(dot);
  let drag = null;

  const place = (area, p) => {
    dot.style.left = `${area.xa._offset + area.xa.l2p(p[0])}px`;
    dot.style.top = `${area.ya._offset + area.ya.l2p(p[1])}px`;
  };
  const pickUp = (clientX, clientY) => {
    const area = plotArea(chart);
    // a 3D surface is turned with the pointer, not a place to drop a start
    const flat = !chart.data?.some((t) => t.type === 'surface');
    return area && flat && onStart(area, w.value(control.name), clientX, clientY) ? area : null;
  };

  chart.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const area = pickUp(event.clientX, event.clientY);
    if (!area) return;
    // no zoom box, no click: this press drags the start
    event.preventDefault();
    event.stopPropagation();
    chart.setPointerCapture?.(event.pointerId);
    drag = { id: event.pointerId, area, point: w.value(control.name) };
    place(area, drag.point);
    dot.hidden = false;
    chart.classList.add('dragging-start');
  }, { capture: true });

  // a touch on the marker must not scroll the page (touch-action cannot be decided per press)
  chart.addEventListener('touchstart', (event) => {
    const touch = event.touches[0];
    if (touch && pickUp(touch.clientX, touch.clientY)) event.preventDefault();
  }, { capture: true, passive: false });

  chart.addEventListener('pointermove', (event) => {
    if (!drag) {
      const area = plotArea(chart);
      chart.classList.toggle('over-start', Boolean(area && onStart(area, w.value(control.name), event.clientX, event.clientY)));
      return;
    }
    if (event.pointerId !== drag.id) return;
    event.stopPropagation();
    drag.point = pointAt(drag.area, w.control(control.name), event.clientX, event.clientY);
    place(drag.area, drag.point);
    w.previewSlider(control.name, drag.point);
  }, { capture: true });

  const drop = (event, keep) => {
    if (!drag || event.pointerId !== drag.id) return;
    event.stopPropagation();
    const { point } = drag;
    drag = null;
    dot.hidden = true;
    chart.classList.remove('dragging-start');
    if (keep) w.set(control.name, point);
  };
  chart.addEventListener('pointerup', (event) => drop(event, true), { capture: true });
  chart.addEventListener('pointercancel', (event) => drop(event, false), { capture: true });
}
