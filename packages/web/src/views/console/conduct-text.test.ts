import { describe, expect, it } from 'vitest';
import type { Issue } from '@parley/model/schema/issues.ts';
import { channelTitle, formValue, movesFor, packageValueText, tablerText } from './conduct-text.ts';

const names: Record<string, string> = { ua: 'Ukraine', ru: 'Russian Federation', uk: 'United Kingdom' };
const nameOf = (id: string) => names[id] ?? id;
const issue = (kind: Issue['kind'], extra: Partial<Issue> = {}) =>
  ({ id: 'i', title: 'I', kind, category: 'other', sources: [], ...extra }) as Issue;

describe('tablerText and channelTitle', () => {
  it('say the mediation team’s proposal as its suggestion, a party’s by its name', () => {
    expect(tablerText('mediation', nameOf)).toBe('Mediator’s suggestion');
    expect(tablerText('ua', nameOf)).toBe('Tabled by Ukraine');
    expect(channelTitle('plenary', nameOf)).toBe('Plenary');
    expect(channelTitle('ru', nameOf)).toBe('Caucus: Russian Federation');
  });
});

describe('packageValueText', () => {
  it('says each kind in words', () => {
    expect(packageValueText({ issue: 'i', value: true }, issue('boolean'), nameOf)).toBe('yes');
    expect(packageValueText({ issue: 'i', value: 85000 }, issue('number', { unit: 'troops' }), nameOf)).toBe(
      '85,000 troops',
    );
    expect(
      packageValueText(
        { issue: 'i', value: 'free' },
        issue('choice', { options: [{ id: 'free', label: 'Ukraine decides alone' }] }),
        nameOf,
      ),
    ).toBe('Ukraine decides alone');
    expect(packageValueText({ issue: 'i', value: ['uk', 'tr'] }, issue('set'), nameOf)).toBe(
      'United Kingdom, tr',
    );
    expect(packageValueText({ issue: 'i', value: [] }, issue('set'), nameOf)).toBe('none');
  });
});

describe('movesFor', () => {
  const team = { mediation: true, delegations: [] };
  const ru = { mediation: false, delegations: ['ru'] };
  it('offers the team every move but withdrawing a party’s proposal', () => {
    expect(movesFor({ state: 'tabled', tabledBy: 'ua', channel: 'ua' }, team).map((m) => m.to)).toEqual([
      'under-consideration',
      'accepted',
      'rejected',
    ]);
  });
  it('lets a party accept or reject the team’s suggestion in its caucus, and withdraw its own', () => {
    expect(
      movesFor({ state: 'tabled', tabledBy: 'mediation', channel: 'ru' }, ru).map((m) => m.label),
    ).toEqual(['Accept', 'Reject']);
    expect(movesFor({ state: 'tabled', tabledBy: 'ru', channel: 'ru' }, ru).map((m) => m.move)).toEqual([
      'withdraw',
    ]);
    expect(movesFor({ state: 'accepted', tabledBy: 'mediation', channel: 'ru' }, ru)).toEqual([]);
  });
});

describe('formValue', () => {
  it('makes the form’s text into the issue’s kind', () => {
    expect(formValue(issue('boolean'), 'no')).toBe(false);
    expect(formValue(issue('boolean'), '')).toBeUndefined();
    expect(formValue(issue('number'), '85,000')).toBe(85000);
    expect(formValue(issue('number'), 'many')).toBeUndefined();
    expect(formValue(issue('set'), ['uk', 'cn'])).toEqual(['uk', 'cn']);
    expect(formValue(issue('choice'), 'free')).toBe('free');
    expect(formValue(issue('text'), '  ')).toBeUndefined();
  });
});
