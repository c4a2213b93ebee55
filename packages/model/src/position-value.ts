import type { Issue } from './schema/issues.ts';
import type { Position, PositionValue } from './schema/positions.ts';

type Complain = (field: (string | number)[], message: string) => void;

/** Does a position's value (and range, red line, unit) fit the kind of its issue? */
export function checkPositionValue(p: Position, issue: Issue, complain: Complain): void {
  if (p.value === undefined && p.range === undefined) {
    complain([], 'a position needs a value or a range');
  }
  if (p.value !== undefined) checkValue(p.value, issue, ['value'], complain);
  if (p.range !== undefined) {
    if (issue.kind !== 'number')
      complain(['range'], `a range is only for number issues; "${issue.id}" is ${issue.kind}`);
    else if (p.range.min !== undefined && p.range.max !== undefined && p.range.min > p.range.max) {
      complain(['range'], `min ${p.range.min} is greater than max ${p.range.max}`);
    }
  }
  if (p.redLine !== undefined) {
    if (typeof p.redLine === 'object' && !Array.isArray(p.redLine)) {
      if (issue.kind !== 'number')
        complain(['redLine'], `a range red line is only for number issues; "${issue.id}" is ${issue.kind}`);
    } else {
      checkValue(p.redLine, issue, ['redLine'], complain);
    }
  }
  if (p.unit !== undefined && p.unit !== issue.unit) {
    complain(['unit'], `unit "${p.unit}" differs from the issue's unit "${issue.unit ?? '(none)'}"`);
  }
}

function checkValue(
  value: PositionValue,
  issue: Issue,
  field: (string | number)[],
  complain: Complain,
): void {
  const got = Array.isArray(value) ? 'a list' : typeof value;
  switch (issue.kind) {
    case 'boolean':
      if (typeof value !== 'boolean')
        complain(field, `issue "${issue.id}" is boolean; expected true or false, got ${got}`);
      return;
    case 'number':
      if (typeof value !== 'number')
        complain(field, `issue "${issue.id}" is a number (${issue.unit}); got ${got}`);
      return;
    case 'text':
      if (typeof value !== 'string') complain(field, `issue "${issue.id}" is text; got ${got}`);
      return;
    case 'choice': {
      const ids = (issue.options ?? []).map((o) => o.id);
      if (typeof value !== 'string')
        complain(field, `issue "${issue.id}" is a choice; expected one of ${ids.join(', ')}, got ${got}`);
      else if (!ids.includes(value))
        complain(field, `"${value}" is not an option of issue "${issue.id}" (${ids.join(', ')})`);
      return;
    }
    case 'set': {
      if (!Array.isArray(value)) {
        complain(field, `issue "${issue.id}" is a set; expected a list, got ${got}`);
        return;
      }
      if (issue.members) {
        value.forEach((m, i) => {
          if (!issue.members!.includes(m))
            complain([...field, i], `"${m}" is not a member of issue "${issue.id}"`);
        });
      }
      return;
    }
  }
}
