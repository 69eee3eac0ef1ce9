import { namespaces } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { accessibilityChecks as checks, complianceStatus } from './accessibility-checks';
import { formFields, readForm } from './legal-admin-form';

const words = {
  en: namespaces.legal.en as Record<string, string>,
  cy: namespaces.legal.cy as Record<string, string>,
};

describe('the accessibility statement’s facts (accessibility-checks.json)', () => {
  it('has words in English and Welsh for every page checked or not, and every known issue', () => {
    const ids = [
      ...checks.pages.map((p) => `legal.a11y.page.${p.words}`),
      ...checks.notSwept.map((p) => `legal.a11y.page.${p.words}`),
      ...checks.knownIssues.map((i) => `legal.a11y.issue.${i.id}`),
    ];
    expect(ids.filter((id) => !(id in words.en) || !(id in words.cy))).toEqual([]);
  });

  it('says what kind each known issue is, and the WCAG criteria a non-compliance fails', () => {
    for (const issue of checks.knownIssues) {
      expect(['non-compliance', 'disproportionate-burden', 'outside-scope']).toContain(issue.kind);
      if (issue.kind === 'non-compliance') expect(issue.criteria.length).toBeGreaterThan(0);
      for (const c of issue.criteria) expect(c).toMatch(/^[1-4]\.\d+\.\d+$/);
    }
  });

  it('claims full compliance only after a person’s audit with nothing left known', () => {
    const nonCompliance = { id: 'x', kind: 'non-compliance' as const, criteria: ['1.3.1'], checkedBy: null };
    const audit = { date: '2026-03-01', by: 'An auditor' };
    expect(complianceStatus([nonCompliance], false, audit)).toBe('partial');
    expect(complianceStatus([], true, audit)).toBe('partial');
    expect(complianceStatus([], false, null)).toBe('unaudited');
    expect(complianceStatus([], false, audit)).toBe('full');
    expect(complianceStatus(checks.knownIssues, false, checks.manualAudit)).toBe('partial');
  });
});

describe('the legal pages’ form', () => {
  const filled = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('reads the organisation’s details, both languages of each text, and an empty number of days as not set', () => {
    const read = readForm(
      formFields.accessibility,
      filled({
        'organisationName.en': ' Melton Borough Council ',
        'organisationName.cy': '',
        contactEmail: 'access@melton.gov.uk',
        contactPhone: '01664 502502',
        preparedOn: '2026-03-31',
      }),
    );
    expect(read).toEqual({
      settings: {
        organisationName: { en: 'Melton Borough Council', cy: '' },
        contactEmail: 'access@melton.gov.uk',
        contactPhone: '01664 502502',
        responseDays: null,
        knownIssues: { en: '', cy: '' },
        preparedOn: '2026-03-31',
        reviewedOn: '',
      },
    });
  });

  it.each([
    ['contactEmail', { contactEmail: 'access at melton' }],
    ['contactPhone', { contactPhone: 'ring us' }],
    ['responseDays', { responseDays: '61' }],
    ['responseDays', { responseDays: '2.5' }],
    ['organisationName.cy', { 'organisationName.cy': 'x'.repeat(201) }],
  ])('refuses a wrong %s, naming the field as the form labels it', (field, values) => {
    const read = readForm(formFields.accessibility, filled(values));
    expect('problem' in read && read.problem.field).toBe(field);
  });
});
