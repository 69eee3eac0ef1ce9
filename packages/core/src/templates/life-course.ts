import type { ColumnInput, JourneyTemplate, LaneInput } from './journey-template';
import { buildJourney } from './journey-template';

const LAST_AGE = 18;

const columns: ColumnInput[] = [
  { id: 'age-0-4', label: '0-4', age: { from: 0, to: 4 } },
  ...Array.from({ length: LAST_AGE - 4 }, (_, i) => ({
    id: `age-${i + 5}`,
    label: `${i + 5}`,
    age: { from: i + 5 },
  })),
];

const lane = (id: string, label: string, guidance: string): LaneInput => ({
  id,
  kind: 'text',
  label,
  guidance,
});

/** A life course as in Melton case study 2: one person's life by age, with a lane per part of life. */
export const lifeCourseTemplate: JourneyTemplate = {
  label: 'Life course',
  description:
    'A person’s life by age (0-4, 5 … 18) with lanes for family, behaviour, personal issues, housing, education and health, to find the trigger points where early help would work best.',
  create: ({ id, title }) =>
    buildJourney({
      schemaVersion: 2,
      id,
      meta: { title: title ?? 'Life course', journeyType: 'life-course' },
      axis: { kind: 'ages' },
      columns,
      lanes: [
        lane('family', 'Family', 'Who does the person live with, and what changes at home at this age?'),
        lane(
          'behaviour',
          'Behaviour',
          'How does the person behave at this age, at home, at school and outside?',
        ),
        lane(
          'personal-issues',
          'Personal issues',
          'What worries or difficulties does the person have at this age?',
        ),
        lane('housing', 'Housing', 'Where does the person live: tenure, moves, overcrowding?'),
        lane('education', 'Education', 'Nursery, school or college: attendance, attitude, exclusions?'),
        lane('health', 'Health', 'Physical and mental health of the person and of those caring for them?'),
      ],
    }),
};
