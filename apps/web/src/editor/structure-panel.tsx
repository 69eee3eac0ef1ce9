import {
  laneKindIds,
  organisationKinds,
  type Journey,
  type JourneyCommand,
  type LaneKind,
} from '@waymark/core';
import { useEffect, useRef } from 'react';
import { t, type MessageId } from '../i18n';
import { TranslationFields } from './bilingual-content';
import { ChoiceField, CommitField } from './commit-field';
import { useEditorContext } from './editor-context';
import { StepFields } from './step-fields';
import { AddForm, ItemActions, KindNameForm } from './structure-parts';

type Noun = 'column' | 'stage' | 'lane' | 'organisation' | 'persona' | 'leverCategory';

/**
 * The map's structure with buttons for everything a drag would do: the axis; steps (rename, stage, period or
 * age, move, delete, add); stages; lanes; and the organisations, personas and lever categories cards refer to.
 */
export function StructurePanel({ focusId }: { focusId: string | null }) {
  const { journey, execute, newId } = useEditorContext();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusId) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(focusId)}"] input`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focusId]);
  const rename = (noun: Noun, id: string, key: string, v: string, what: string) => {
    if (v.trim() === '') return t('links.structure.needText', { what });
    return execute({ type: `${noun}.update`, id, patch: { [key]: v.trim() } } as JourneyCommand)
      ? null
      : t('links.structure.refused', { what });
  };
  const actions = (
    noun: Noun,
    list: readonly { id: string }[],
    i: number,
    name: string,
    back: string,
    fwd: string,
  ) => (
    <ItemActions
      name={name}
      canBack={i > 0}
      canForward={i < list.length - 1}
      back={back}
      forward={fwd}
      onMove={(to) =>
        execute({ type: `${noun}.move`, id: list[i]!.id, toIndex: to < 0 ? i - 1 : i + 1 } as JourneyCommand)
      }
      onRemove={() => execute({ type: `${noun}.remove`, id: list[i]!.id } as JourneyCommand)}
    />
  );
  return (
    <div ref={root} className="structure-panel">
      <AxisSection journey={journey} execute={execute} />
      <section aria-labelledby="st-steps">
        <h3 id="st-steps">{t('links.structure.steps', { count: journey.columns.length })}</h3>
        <ol className="item-list">
          {journey.columns.map((c, i) => (
            <li key={c.id} data-item={c.id} data-focus-step={c.id}>
              <StepFields column={c} index={i} />
              {actions(
                'column',
                journey.columns,
                i,
                c.label,
                t('links.structure.moveLeft'),
                t('links.structure.moveRight'),
              )}
            </li>
          ))}
        </ol>
        <AddForm
          label={t('links.structure.newStepName')}
          button={t('links.structure.addStep')}
          onAdd={(name) => execute({ type: 'column.add', item: { id: newId('step') as never, label: name } })}
        />
      </section>
      <section aria-labelledby="st-stages">
        <h3 id="st-stages">{t('links.structure.stages', { count: journey.stages.length })}</h3>
        <p className="hint">{t('links.structure.stagesHint')}</p>
        <ol className="item-list">
          {journey.stages.map((s, i) => (
            <li key={s.id} data-item={s.id}>
              <CommitField
                label={t('links.structure.stageName', { number: i + 1 })}
                value={s.name}
                onCommit={(v) =>
                  rename('stage', s.id, 'name', v, t('links.structure.stageName', { number: i + 1 }))
                }
              />
              <TranslationFields
                item={s}
                target={{ kind: 'stage', id: s.id }}
                field="name"
                label={t('links.structure.stageName', { number: i + 1 })}
              />
              {actions(
                'stage',
                journey.stages,
                i,
                s.name,
                t('links.structure.moveUp'),
                t('links.structure.moveDown'),
              )}
            </li>
          ))}
        </ol>
        <AddForm
          label={t('links.structure.newStageName')}
          button={t('links.structure.addStage')}
          onAdd={(name) => execute({ type: 'stage.add', item: { id: newId('stage') as never, name } })}
        />
      </section>
      <LanesSection />
      <NamedList noun="organisation" field="name" extra />
      <NamedList noun="persona" field="name" />
      <NamedList noun="leverCategory" field="label" />
    </div>
  );
}

function AxisSection({ journey, execute }: { journey: Journey; execute: (c: JourneyCommand) => boolean }) {
  return (
    <section aria-labelledby="st-axis">
      <h3 id="st-axis">{t('links.structure.axis')}</h3>
      <ChoiceField
        label={t('links.structure.axisLabel')}
        value={journey.axis.kind}
        onChange={(v) =>
          execute({
            type: 'axis.set',
            axis: v === 'dates' ? { kind: 'dates', unit: 'month' } : { kind: v as 'steps' | 'ages' },
          })
        }
      >
        <option value="steps">{t('links.structure.axisSteps')}</option>
        <option value="dates">{t('links.structure.axisDates')}</option>
        <option value="ages">{t('links.structure.axisAges')}</option>
      </ChoiceField>
    </section>
  );
}

function LanesSection() {
  const { journey, execute, newId } = useEditorContext();
  return (
    <section aria-labelledby="st-lanes">
      <h3 id="st-lanes">{t('links.structure.lanes', { count: journey.lanes.length })}</h3>
      <ol className="item-list">
        {journey.lanes.map((l, i) => (
          <li key={l.id} data-item={l.id}>
            <CommitField
              label={t('links.structure.laneName', { number: i + 1, kind: laneKindName(l.kind) })}
              value={l.label}
              onCommit={(v) =>
                v.trim() === ''
                  ? t('links.structure.needText', { what: t('links.structure.laneNameShort') })
                  : execute({ type: 'lane.update', id: l.id, patch: { label: v.trim() } })
                    ? null
                    : t('links.structure.refused', { what: t('links.structure.laneNameShort') })
              }
            />
            <TranslationFields
              item={l}
              target={{ kind: 'lane', id: l.id }}
              field="label"
              label={t('links.structure.laneName', { number: i + 1, kind: laneKindName(l.kind) })}
            />
            {(l.kind === 'emotion' || l.kind === 'feeling') && journey.personas.length > 0 ? (
              <ChoiceField
                label={t('links.structure.personaOf', { lane: l.label })}
                value={l.personaId ?? ''}
                onChange={(v) =>
                  execute(
                    v === ''
                      ? { type: 'lane.update', id: l.id, patch: {}, unset: ['personaId'] }
                      : { type: 'lane.update', id: l.id, patch: { personaId: v as never } },
                  )
                }
              >
                <option value="">{t('links.structure.noPersona')}</option>
                {journey.personas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </ChoiceField>
            ) : null}
            <ItemActions
              name={l.label}
              canBack={i > 0}
              canForward={i < journey.lanes.length - 1}
              back={t('links.structure.moveUp')}
              forward={t('links.structure.moveDown')}
              onMove={(d) => execute({ type: 'lane.move', id: l.id, toIndex: d < 0 ? i - 1 : i + 1 })}
              onRemove={() => execute({ type: 'lane.remove', id: l.id })}
            />
          </li>
        ))}
      </ol>
      <KindNameForm
        kindLabel={t('links.structure.newLaneKind')}
        kinds={laneKindIds.map((k) => ({ id: k, label: laneKindName(k) }))}
        nameLabel={t('links.structure.newLaneName')}
        button={t('links.structure.addLane')}
        onAdd={(kind, name) =>
          execute({
            type: 'lane.add',
            item: {
              id: newId('lane') as never,
              kind: kind as never,
              label: name || laneKindName(kind as LaneKind),
            },
          })
        }
      />
    </section>
  );
}

/** The words of each named list, from the catalogue: heading, one item's name field, add, remove. */
const namedWords: Record<
  'organisation' | 'persona' | 'leverCategory',
  { title: MessageId; name: MessageId; newName: MessageId; add: MessageId; remove: MessageId }
> = {
  organisation: {
    title: 'links.structure.organisations',
    name: 'links.structure.organisationName',
    newName: 'links.structure.newOrganisationName',
    add: 'links.structure.addOrganisation',
    remove: 'links.structure.removeOrganisation',
  },
  persona: {
    title: 'links.structure.personas',
    name: 'links.structure.personaName',
    newName: 'links.structure.newPersonaName',
    add: 'links.structure.addPersona',
    remove: 'links.structure.removePersona',
  },
  leverCategory: {
    title: 'links.structure.leverCategories',
    name: 'links.structure.leverCategoryName',
    newName: 'links.structure.newLeverCategoryName',
    add: 'links.structure.addLeverCategory',
    remove: 'links.structure.removeLeverCategory',
  },
};

const laneKindName = (kind: LaneKind): string => t(`model.laneKind.${kind}` as MessageId);
const organisationKindName = (kind: string): string =>
  t(`links.structure.organisationKind.${kind}` as MessageId);

function NamedList({
  noun,
  field,
  extra,
}: {
  noun: 'organisation' | 'persona' | 'leverCategory';
  field: 'name' | 'label';
  extra?: boolean;
}) {
  const { journey, execute, newId } = useEditorContext();
  const words = namedWords[noun];
  const list = (
    noun === 'organisation'
      ? journey.organisations
      : noun === 'persona'
        ? journey.personas
        : journey.leverCategories
  ) as readonly { id: string; name?: string; label?: string; kind?: string }[];
  const title = t(words.title, { count: list.length });
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="item-list">
        {list.map((item) => {
          const name = (item[field] ?? item.id) as string;
          return (
            <li key={item.id} data-item={item.id}>
              <CommitField
                label={t(words.name)}
                value={name}
                onCommit={(v) =>
                  v.trim() === ''
                    ? t('links.structure.needText', { what: t(words.name) })
                    : execute({
                          type: `${noun}.update`,
                          id: item.id,
                          patch: { [field]: v.trim() },
                        } as JourneyCommand)
                      ? null
                      : t('links.structure.refused', { what: t(words.name) })
                }
              />
              {extra ? (
                <ChoiceField
                  label={t('links.structure.kindOf', { name })}
                  value={item.kind ?? 'team'}
                  onChange={(v) =>
                    execute({
                      type: 'organisation.update',
                      id: item.id as never,
                      patch: { kind: v as never },
                    })
                  }
                >
                  {organisationKinds.map((k) => (
                    <option key={k} value={k}>
                      {organisationKindName(k)}
                    </option>
                  ))}
                </ChoiceField>
              ) : null}
              <button
                type="button"
                className="button button--warning button--small"
                onClick={() => execute({ type: `${noun}.remove`, id: item.id } as JourneyCommand)}
              >
                {t(words.remove, { name })}
              </button>
            </li>
          );
        })}
      </ul>
      <AddForm
        label={t(words.newName)}
        button={t(words.add)}
        onAdd={(name) =>
          execute({
            type: `${noun}.add`,
            item: { id: newId(noun === 'leverCategory' ? 'cat' : noun), [field]: name },
          } as JourneyCommand)
        }
      />
    </section>
  );
}
