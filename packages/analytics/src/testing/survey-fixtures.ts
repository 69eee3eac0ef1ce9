/**
 * Small survey exports in the shapes Microsoft Forms, SmartSurvey and GOV.UK Notify give them, written for
 * tests (not copies of real exports; the column layouts follow each service's download as documented in
 * docs/decisions/0033-survey-evidence.md). Twenty Microsoft Forms responses carry the answers of the worked
 * example in docs/worked-checks/survey-scores.md.
 */

export const satisfactionQuestion = 'How satisfied were you with reporting the problem?';
export const effortQuestion = 'The council made it easy for me to report the problem';
export const recommendQuestion = 'How likely are you to recommend reporting online to a friend?';
export const commentQuestion = 'Tell us about reporting the problem';
export const consentQuestion = 'May we quote your words, without your name, in our report?';

const satisfaction = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5];
const effort = [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7];
const recommend = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10];
const comments: Record<number, string> = {
  0: 'Nobody rang me back. My name is Peter Hill, call 07700 900456',
  3: 'The form timed out twice',
  7: 'Quick, and I got an email straight away (mine is jo.bloggs@example.com)',
  14: 'Very easy, the staff at the depot in LE13 1GH were kind',
  19: 'Fixed within a week, thank you',
};
const consented = new Set([3, 7, 14]);

/** The Microsoft Forms layout: ID, Start time, Completion time, Email, Name, then one column per question. */
export function microsoftFormsSheet(): (string | number | Date | null)[][] {
  const header = [
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    satisfactionQuestion,
    effortQuestion,
    recommendQuestion,
    commentQuestion,
    consentQuestion,
  ];
  const rows = satisfaction.map((s, i) => {
    const done = new Date(Date.UTC(2026, 2, 2 + i, 9 + (i % 8), 14, 5));
    return [
      i + 1,
      new Date(done.getTime() - 4 * 60_000),
      done,
      'anonymous',
      null,
      s,
      effort[i] as number,
      recommend[i] as number,
      comments[i] ?? null,
      comments[i] === undefined ? null : consented.has(i) ? 'Yes' : 'No',
    ];
  });
  return [header, ...rows];
}

const csvCell = (v: string | number | Date | null) => {
  const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: readonly (readonly (string | number | Date | null)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The SmartSurvey CSV layout: response details, then numbered questions; labels for satisfaction. */
export function smartSurveyCsv(): string {
  const header = [
    'ID',
    'Status',
    'Started',
    'Ended',
    'IP Address',
    '1. How satisfied were you with the repair?',
    '2. How likely are you to recommend us?',
    '3. Anything else you would like to tell us?',
    '4. I agree that my comments may be quoted',
  ];
  const labels = [
    'Very dissatisfied',
    'Dissatisfied',
    'Neither satisfied nor dissatisfied',
    'Satisfied',
    'Very satisfied',
  ] as const;
  const rows = [
    [
      40011,
      'Completed',
      '14/04/2026 10:01',
      '14/04/2026 10:04',
      '192.0.2.1',
      labels[3],
      8,
      'Took a while but sorted',
      'Yes',
    ],
    [40012, 'Completed', '14/04/2026 11:20', '14/04/2026 11:22', '192.0.2.2', labels[4], 10, '', ''],
    [
      40013,
      'Completed',
      '15/04/2026 09:00',
      '15/04/2026 09:06',
      '192.0.2.3',
      labels[0],
      2,
      'Three visits. Ring me on 01664 502502',
      'Yes',
    ],
    [40014, 'Completed', '16/04/2026 16:45', '16/04/2026 16:47', '192.0.2.4', labels[2], 6, 'ok', 'No'],
  ];
  return toCsv([header, ...rows]);
}

/** GOV.UK Notify's received text messages download: the reply to "Reply with a number from 1 to 5". */
export function notifyRepliesCsv(): string {
  return toCsv([
    ['Phone number', 'Message', 'Received'],
    ['07700900001', '5', '2026-05-01 09:12:44'],
    ['07700900002', '4 quick and easy thanks', '2026-05-01 09:30:02'],
    ['07700900003', '1', '2026-05-02 14:00:00'],
    ['07700900004', '2. waited ages for a reply, my name is Ann Lee', '2026-05-02 18:21:10'],
  ]);
}
