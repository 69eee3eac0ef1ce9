import type { Journey, journeyTypes } from '@waymark/core';
import type { MessageId } from '@waymark/i18n';
import type { RenderContext } from './context';
import { paragraph, stack, type Paragraph } from './text-block';
import { theme } from './theme';

type JourneyType = (typeof journeyTypes)[number];

export const journeyTypeLabels: Record<JourneyType, MessageId> = {
  current: 'poster.journeyType.current',
  desired: 'poster.journeyType.desired',
  case: 'poster.journeyType.case',
  'life-course': 'poster.journeyType.life-course',
};

/** The title block: title (in every language shown), journey type, segment, status and owner, and the business question. */
export function layOutTitle(journey: Journey, width: number, ctx: RenderContext) {
  const { meta } = journey;
  const { t, content } = ctx;
  const primaryLang = { lang: content.langOf(content.primary) };
  const facts = [
    t(journeyTypeLabels[meta.journeyType]),
    meta.segment ? t('poster.segment', { segment: meta.segment }) : undefined,
    t('poster.status', { status: t(`model.status.${meta.status}`) }),
    meta.owner ? t('poster.owner', { owner: meta.owner }) : undefined,
  ].filter((f) => f !== undefined);
  const titles: Paragraph[] = content.texts(meta, 'title').map((title, i) =>
    paragraph(title.text, width, {
      size: i === 0 ? theme.size.title : theme.size.title * 0.8,
      weight: 'bold',
      lang: content.langOf(title.lang),
    }),
  );
  return stack(
    [
      ...titles,
      paragraph(facts.join('  ·  '), width, { size: theme.size.subtitle, fill: theme.colour.muted }),
      ...(meta.businessQuestion
        ? [
            paragraph(t('poster.businessQuestion', { question: meta.businessQuestion }), width, {
              size: theme.size.subtitle,
              ...primaryLang,
            }),
          ]
        : []),
    ],
    3,
  );
}
