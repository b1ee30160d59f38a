// The optimizers' labels and colour keys as the server registered them, read from the JSON the
// page embeds once (<meta name="downhill-catalogue">). An unknown name stands for itself.

let optimizers = null;

function registered() {
  if (optimizers === null) {
    const meta = document.querySelector('meta[name="downhill-catalogue"]');
    optimizers = meta ? JSON.parse(meta.content).optimizers : {};
  }
  return optimizers;
}

/** "AdaGrad" for adagrad. */
export function optimizerLabel(name) {
  return registered()[name]?.label ?? name;
}

/** The key of the optimizer's CSS colour, --opt-<key>. */
export function optimizerColourKey(name) {
  return registered()[name]?.colour ?? name;
}
