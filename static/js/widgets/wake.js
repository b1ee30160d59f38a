// A widget's runs stream only once a learner can see the widget or reaches for it: a lesson with
// ten widgets opens no stream for the ones below the fold (and a slow connection is not shared
// with them) until the page is scrolled to them, a control is focused, or Play is pressed.

const sleepers = new WeakMap();

// A widget is in view when its charts are (nearly): a figure whose caption alone shows at the
// bottom of the first screen does not stream its runs yet.
const figureOf = new WeakMap();

/** What is watched to tell whether a widget is near the screen: its charts, else the whole figure. */
export const watched = (figure) => figure.querySelector('.widget-charts') ?? figure;

const observer = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) wake(figureOf.get(entry.target));
  }, { rootMargin: '100px 0px' })
  : null;

function wake(figure) {
  const sleeper = sleepers.get(figure);
  if (!sleeper || sleeper.woken) return;
  sleeper.woken = true;
  observer?.unobserve(watched(figure));
  sleeper.resolve();
}

/** A promise that settles once the figure is (nearly) in view or touched; the same one each time. */
export function awake(figure) {
  let sleeper = sleepers.get(figure);
  if (!sleeper) {
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    sleeper = { promise, resolve, woken: false };
    sleepers.set(figure, sleeper);
    // a shared link that restores this widget's state wants its run at once
    const restored = new URLSearchParams(window.location.hash.slice(1));
    const linked = [...restored.keys()].some((key) => key.startsWith(`${figure.id}.`));
    if (!observer || linked) {
      wake(figure);
    } else {
      figureOf.set(watched(figure), figure);
      observer.observe(watched(figure));
    }
    for (const type of ['pointerdown', 'click', 'focusin', 'keydown', 'input']) {
      figure.addEventListener(type, () => wake(figure), { capture: true, once: true });
    }
    // a printed page shows every widget's runs
    window.addEventListener('beforeprint', () => wake(figure), { once: true });
  }
  return sleeper.promise;
}
