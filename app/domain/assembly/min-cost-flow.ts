/**
 * Min-cost flow with integer costs on small networks (a few hundred nodes, a few thousand edges).
 * An edge may have a convex cost: its k-th unit costs `base + slope·k`, which spreads flow over parallel
 * routes (a balanced split). Successive shortest paths keep the flow optimal for every value; the queue
 * Bellman–Ford handles the negative residual costs. Used by the heuristic (quota split over difficulty
 * bands, 鉴定点 plan) and by the cells × bands pre-check (max-flow, minimum cut).
 */
export class TransportFlow {
  private readonly head: number[];
  private readonly nextEdge: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly flow: number[] = [];
  private readonly base: number[] = [];
  private readonly slope: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an edge u → v and returns its index (for `flowOn`). */
  addEdge(u: number, v: number, capacity: number, base = 0, slope = 0): number {
    const e = this.to.length;
    this.push(u, v, Math.max(0, capacity), base, slope);
    this.push(v, u, 0, 0, 0);
    return e;
  }

  private push(u: number, v: number, capacity: number, base: number, slope: number): void {
    this.to.push(v);
    this.cap.push(capacity);
    this.flow.push(0);
    this.base.push(base);
    this.slope.push(slope);
    this.nextEdge.push(this.head[u] ?? -1);
    this.head[u] = this.to.length - 1;
  }

  flowOn(edge: number): number {
    return this.flow[edge] ?? 0;
  }

  private residual(e: number): number {
    // Odd edges are the reverses: their residual is the flow of the forward edge.
    return e % 2 === 0 ? (this.cap[e] ?? 0) - (this.flow[e] ?? 0) : (this.flow[e - 1] ?? 0);
  }

  private cost(e: number): number {
    if (e % 2 === 0) return (this.base[e] ?? 0) + (this.slope[e] ?? 0) * ((this.flow[e] ?? 0) + 1);
    const f = e - 1;
    return -((this.base[f] ?? 0) + (this.slope[f] ?? 0) * (this.flow[f] ?? 0));
  }

  /** Sends up to `limit` units from source to sink at minimum cost; returns the units sent. */
  run(source: number, sink: number, limit = Number.POSITIVE_INFINITY): number {
    const n = this.nodes;
    const dist = new Float64Array(n);
    const prev = new Int32Array(n);
    const inQueue = new Uint8Array(n);
    const queue = new Int32Array(n + 1);
    let sent = 0;
    while (sent < limit) {
      dist.fill(Number.POSITIVE_INFINITY);
      prev.fill(-1);
      dist[source] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = source;
      inQueue[source] = 1;
      let size = 1;
      while (size > 0) {
        const u = queue[qh] as number;
        qh = (qh + 1) % (n + 1);
        size -= 1;
        inQueue[u] = 0;
        const du = dist[u] as number;
        for (let e = this.head[u] ?? -1; e >= 0; e = this.nextEdge[e] ?? -1) {
          if (this.residual(e) <= 0) continue;
          const v = this.to[e] as number;
          const nd = du + this.cost(e);
          if (nd < (dist[v] as number)) {
            dist[v] = nd;
            prev[v] = e;
            if (inQueue[v] === 0) {
              inQueue[v] = 1;
              queue[qt] = v;
              qt = (qt + 1) % (n + 1);
              size += 1;
            }
          }
        }
      }
      if (prev[sink] === -1 || sink === source) break;
      let amount = limit - sent;
      let convex = false;
      for (let v = sink; v !== source; ) {
        const e = prev[v] as number;
        amount = Math.min(amount, this.residual(e));
        if ((this.slope[e - (e % 2)] ?? 0) !== 0) convex = true;
        v = this.to[e ^ 1] as number;
      }
      if (convex) amount = Math.min(amount, 1);
      if (amount <= 0) break;
      for (let v = sink; v !== source; ) {
        const e = prev[v] as number;
        if (e % 2 === 0) this.flow[e] = (this.flow[e] ?? 0) + amount;
        else this.flow[e - 1] = (this.flow[e - 1] ?? 0) - amount;
        v = this.to[e ^ 1] as number;
      }
      sent += amount;
    }
    return sent;
  }

  /** Nodes reachable from `source` in the residual network (after `run`: the source side of a minimum cut). */
  reachable(source: number): boolean[] {
    const seen = new Array<boolean>(this.nodes).fill(false);
    seen[source] = true;
    const stack = [source];
    while (stack.length > 0) {
      const u = stack.pop() as number;
      for (let e = this.head[u] ?? -1; e >= 0; e = this.nextEdge[e] ?? -1) {
        const v = this.to[e] as number;
        if (!seen[v] && this.residual(e) > 0) {
          seen[v] = true;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}
