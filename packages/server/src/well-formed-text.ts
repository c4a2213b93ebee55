import type { z } from 'zod';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A zod refinement for a JSON body: every text in it (keys included) must be well-formed
 * Unicode. JSON can carry half of a surrogate pair (`"\ud800"`), which is no character at all:
 * I-JSON (RFC 7493) forbids it, and the audit log's canonical form cannot hold it. Iterative, so
 * a body nested thousands of levels deep is walked without exhausting the stack.
 */
export function refuseLoneSurrogates(value: unknown, ctx: z.RefinementCtx): void {
  type Step = { value: unknown; key: string | number | undefined; parent: Step | undefined };
  const pathOf = (step: Step): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let s: Step | undefined = step; s?.key !== undefined; s = s.parent) path.unshift(s.key);
    return path;
  };
  const flag = (step: Step) =>
    ctx.addIssue({
      code: 'custom',
      path: pathOf(step),
      message: 'holds half of a surrogate pair (\\ud800–\\udfff alone), which is not a character',
    });
  const stack: Step[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) flag(step);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, key: i, parent: step }));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const child = { value: item, key, parent: step };
        if (LONE_SURROGATE.test(key)) flag(child);
        stack.push(child);
      }
    }
  }
}
