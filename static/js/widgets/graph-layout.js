// Where the boxes of an expression graph go and how its edges run between them. Nodes stand in
// columns by depth (inputs on the left, the output on the right). An edge that skips columns
// takes a free slot in every column it crosses, so no edge runs through a box: between columns
// an edge only crosses the empty gap, and inside a column it runs through its own slot.

/**
 * @param nodes [{ id, inputs: [ids] }] in an order where inputs come first
 * @param size { W, H, gapX, gapY, lane }: box size, gaps, and the height of a slot an edge passes through
 * @returns { width, height, boxes: {id: {x, y}}, edges: [{ from, to, points: [[x, y], …] }] }
 */
export function layoutGraph(nodes, { W, H, gapX, gapY, lane }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const users = new Map(nodes.map((n) => [n.id, []]));
  for (const n of nodes) for (const i of n.inputs) users.get(i).push(n.id);

  // depth: one more than the deepest input; a constant sits just left of its first user
  const depth = new Map();
  for (const n of nodes) depth.set(n.id, n.inputs.length ? 1 + Math.max(...n.inputs.map((i) => depth.get(i))) : 0);
  for (const n of nodes) {
    const isVariable = n.op === 'x' || n.op === 'y';
    if (!n.inputs.length && !isVariable && users.get(n.id).length) {
      depth.set(n.id, Math.max(0, Math.min(...users.get(n.id).map((u) => depth.get(u))) - 1));
    }
  }

  // slots per column: real nodes, and one pass-through slot per column an edge crosses
  const columns = [];
  const slot = (c, s) => (columns[c] ??= []).push(s);
  for (const n of nodes) slot(depth.get(n.id), { node: n.id, height: H });
  const edges = [];
  for (const n of nodes) {
    n.inputs.forEach((i, k) => {
      const edge = { from: i, to: n.id, index: k, via: [] };
      for (let c = depth.get(i) + 1; c < depth.get(n.id); c++) {
        const pass = { edge, height: lane };
        edge.via.push(pass);
        slot(c, pass);
      }
      edges.push(edge);
    });
  }

  // order each column by where its slots' predecessors stand, left to right: fewer crossings
  const rank = new Map();
  const setRanks = (col) => col.forEach((s, r) => rank.set(s, r));
  const nodeSlot = new Map();
  for (const col of columns) for (const s of col ?? []) if (s.node !== undefined) nodeSlot.set(s.node, s);
  const before = (s) => {
    if (s.edge) {
      const k = s.edge.via.indexOf(s);
      return [k === 0 ? nodeSlot.get(s.edge.from) : s.edge.via[k - 1]];
    }
    return byId.get(s.node).inputs.map((i) => {
      const e = edges.find((x) => x.from === i && x.to === s.node);
      return e.via.length ? e.via[e.via.length - 1] : nodeSlot.get(i);
    });
  };
  columns.forEach((col, c) => {
    if (c > 0) {
      const centre = new Map(col.map((s, r) => {
        const from = before(s).map((p) => rank.get(p)).filter((v) => v !== undefined);
        return [s, from.length ? from.reduce((a, b) => a + b, 0) / from.length : r];
      }));
      col.sort((a, b) => centre.get(a) - centre.get(b));
    }
    setRanks(col);
  });

  // positions: each column stacked from the top and centred on the tallest one
  const heights = columns.map((col) => col.reduce((h, s) => h + s.height + gapY, gapY));
  const height = Math.max(...heights);
  const width = columns.length * (W + gapX) + gapX;
  const boxes = {};
  const at = new Map();
  columns.forEach((col, c) => {
    let y = (height - heights[c]) / 2 + gapY;
    const x = gapX + c * (W + gapX);
    for (const s of col) {
      at.set(s, { x, y: y + s.height / 2 });
      if (s.node !== undefined) boxes[s.node] = { x, y };
      y += s.height + gapY;
    }
  });

  // an edge leaves its input's right side and enters its user's left side; a node's incoming
  // edges are spread down that side in the order they arrive from, so they do not cross there,
  // and x·x shows as two arrows
  const routes = edges.map((e) => {
    const a = boxes[e.from];
    const points = [[a.x + W, a.y + H / 2]];
    for (const s of e.via) {
      const p = at.get(s);
      points.push([p.x, p.y], [p.x + W, p.y]);
    }
    return { edge: e, points };
  });
  for (const n of nodes) {
    const incoming = routes.filter((r) => r.edge.to === n.id)
      .sort((p, q) => p.points[p.points.length - 1][1] - q.points[q.points.length - 1][1] || p.edge.index - q.edge.index);
    const b = boxes[n.id];
    incoming.forEach((r, k) => r.points.push([b.x, b.y + (H * (k + 1)) / (incoming.length + 1)]));
  }
  return { width, height, boxes, edges: routes.map((r) => ({ from: r.edge.from, to: r.edge.to, points: r.points })) };
}
