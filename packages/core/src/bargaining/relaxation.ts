/**
 * The concave relaxation behind the exact search: maximise a smooth concave surrogate of the
 * objective over the convex hull of the reachable utility vectors. Because utilities are additive,
 * that hull is the Minkowski sum of the per-issue hulls, and a linear function is maximised over
 * it issue by issue (the "linear oracle"). The solver is simplicial decomposition: keep a few
 * hull vertices (each a real package), maximise the surrogate over their convex hull, ask the
 * oracle for a better vertex along the gradient, repeat.
 *
 * The relaxation only has to produce *directions*: the gradient at its optimum is a vector of
 * Lagrange multipliers, and the branch-and-bound turns any non-negative multiplier vector into a
 * valid upper bound (see bounds in branch-and-bound.ts). So the surrogate may be approximate.
 */

/** A smooth concave function of the utility vector. */
export interface SmoothObjective {
  value(y: Float64Array): number;
  /** Writes the gradient (non-negative in every component) into `out`. */
  gradient(y: Float64Array, out: Float64Array): void;
}

export interface HullVertex {
  /** Option per free issue (same order as `free`). */
  choice: Int32Array;
  /** Utility vector of the full package (fixed part included). */
  point: Float64Array;
}

export interface RelaxationResult {
  point: Float64Array;
  direction: Float64Array;
  vertices: HullVertex[];
  /** Frank–Wolfe gap at the returned point (in surrogate units). */
  gap: number;
}

export interface RelaxationSpace {
  /** Number of stakeholders (utility dimensions). */
  dims: number;
  /** Per issue: option-major scores, values[issue][option * dims + q]. */
  values: Float64Array[];
  sizes: number[];
}

/** Argmax of direction·z over the free issues' options: the linear oracle. */
export function linearOracle(
  space: RelaxationSpace,
  free: number[],
  base: Float64Array,
  direction: Float64Array,
): HullVertex {
  const { dims } = space;
  const point = Float64Array.from(base);
  const choice = new Int32Array(free.length);
  for (let f = 0; f < free.length; f++) {
    const issue = free[f]!;
    const vals = space.values[issue]!;
    let best = -Infinity;
    let bestOption = 0;
    for (let j = 0; j < space.sizes[issue]!; j++) {
      let s = 0;
      for (let q = 0; q < dims; q++) s += direction[q]! * vals[j * dims + q]!;
      if (s > best) {
        best = s;
        bestOption = j;
      }
    }
    choice[f] = bestOption;
    for (let q = 0; q < dims; q++) point[q]! += vals[bestOption * dims + q]!;
  }
  return { choice, point };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Maximises `objective` over base + conv(free issues). `start` seeds the vertex set (warm start).
 */
export function solveRelaxation(
  space: RelaxationSpace,
  free: number[],
  base: Float64Array,
  objective: SmoothObjective,
  start: HullVertex[],
  options: { maxOuter?: number; tolerance?: number } = {},
): RelaxationResult {
  const dims = space.dims;
  const maxOuter = options.maxOuter ?? 30;
  const tolerance = options.tolerance ?? 1e-7;
  const vertices: HullVertex[] = [];
  let weights: number[] = [];
  const grad = new Float64Array(dims);
  if (start.length === 0) {
    grad.fill(1);
    vertices.push(linearOracle(space, free, base, grad));
  } else vertices.push(...start);
  weights = vertices.map(() => 1 / vertices.length);
  const y = new Float64Array(dims);
  const mix = () => {
    y.fill(0);
    vertices.forEach((v, k) => {
      for (let q = 0; q < dims; q++) y[q]! += weights[k]! * v.point[q]!;
    });
  };
  mix();
  let gap = Infinity;
  for (let outer = 0; outer < maxOuter; outer++) {
    optimiseMaster(vertices, weights, y, objective, dims);
    objective.gradient(y, grad);
    const vertex = linearOracle(space, free, base, grad);
    gap = dot(grad, vertex.point) - dot(grad, y);
    if (gap <= tolerance * Math.max(1, Math.abs(objective.value(y)))) break;
    // Drop vertices that carry no weight, so the master stays small.
    for (let k = vertices.length - 1; k >= 0; k--) {
      if (weights[k]! <= 0 && vertices.length > 1) {
        vertices.splice(k, 1);
        weights.splice(k, 1);
      }
    }
    vertices.push(vertex);
    weights.push(0);
  }
  objective.gradient(y, grad);
  return { point: Float64Array.from(y), direction: Float64Array.from(grad), vertices, gap };
}

/** Pairwise Frank–Wolfe over the weights of a few vertices, with an exact line search. */
function optimiseMaster(
  vertices: HullVertex[],
  weights: number[],
  y: Float64Array,
  objective: SmoothObjective,
  dims: number,
): void {
  const grad = new Float64Array(dims);
  const trial = new Float64Array(dims);
  const step = new Float64Array(dims);
  for (let iteration = 0; iteration < 100; iteration++) {
    objective.gradient(y, grad);
    let toward = 0;
    let away = -1;
    let best = -Infinity;
    let worst = Infinity;
    vertices.forEach((v, k) => {
      const s = dot(grad, v.point);
      if (s > best) {
        best = s;
        toward = k;
      }
      if (weights[k]! > 0 && s < worst) {
        worst = s;
        away = k;
      }
    });
    if (away < 0 || best - worst <= 1e-10 * Math.max(1, Math.abs(best))) return;
    const limit = weights[away]!;
    for (let q = 0; q < dims; q++) step[q] = vertices[toward]!.point[q]! - vertices[away]!.point[q]!;
    // The surrogate is concave along the step: bisect on the sign of its derivative.
    const slope = (gamma: number) => {
      for (let q = 0; q < dims; q++) trial[q] = y[q]! + gamma * step[q]!;
      objective.gradient(trial, grad);
      return dot(grad, step);
    };
    let gamma: number;
    if (slope(limit) >= 0) gamma = limit;
    else {
      let lo = 0;
      let hi = limit;
      for (let b = 0; b < 30; b++) {
        const mid = (lo + hi) / 2;
        if (slope(mid) > 0) lo = mid;
        else hi = mid;
      }
      gamma = lo;
    }
    if (gamma <= 0) return;
    weights[toward]! += gamma;
    weights[away]! -= gamma;
    if (weights[away]! < 1e-15) weights[away] = 0;
    for (let q = 0; q < dims; q++) y[q]! += gamma * step[q]!;
  }
}

/**
 * log(x) for x ≥ floor, continued below the floor by its second-order Taylor expansion, so the
 * Nash surrogate stays finite, smooth and concave when some party is under its reservation value.
 */
export function extendedLog(x: number, floor: number): number {
  if (x >= floor) return Math.log(x);
  const t = (x - floor) / floor;
  return Math.log(floor) + t - (t * t) / 2;
}

export function extendedLogSlope(x: number, floor: number): number {
  if (x >= floor) return 1 / x;
  return (2 * floor - x) / (floor * floor);
}
