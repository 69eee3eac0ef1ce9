import { laneKindIds, laneKinds, organisationKinds, type Journey, type JourneyCommand } from '@waymark/core';
import { useEffect, useRef } from 'react';
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
    if (v.trim() === '') return `${what}: expected some text`;
    return execute({ type: `${noun}.update`, id, patch: { [key]: v.trim() } } as JourneyCommand)
      ? null
      : `${what}: refused`;
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
        <h3 id="st-steps">Steps ({journey.columns.length})</h3>
        <ol className="item-list">
          {journey.columns.map((c, i) => (
            <li key={c.id} data-item={c.id} data-focus-step={c.id}>
              <StepFields column={c} index={i} />
              {actions('column', journey.columns, i, c.label, 'Move left', 'Move right')}
            </li>
          ))}
        </ol>
        <AddForm
          label="New step name"
          button="Add step"
          onAdd={(name) => execute({ type: 'column.add', item: { id: newId('step') as never, label: name } })}
        />
      </section>
      <section aria-labelledby="st-stages">
        <h3 id="st-stages">Stages ({journey.stages.length})</h3>
        <p className="hint">A stage heads neighbouring steps; give each step its stage above.</p>
        <ol className="item-list">
          {journey.stages.map((s, i) => (
            <li key={s.id} data-item={s.id}>
              <CommitField
                label={`Stage ${i + 1} name`}
                value={s.name}
                onCommit={(v) => rename('stage', s.id, 'name', v, `Stage ${i + 1} name`)}
              />
              {actions('stage', journey.stages, i, s.name, 'Move up', 'Move down')}
            </li>
          ))}
        </ol>
        <AddForm
          label="New stage name"
          button="Add stage"
          onAdd={(name) => execute({ type: 'stage.add', item: { id: newId('stage') as never, name } })}
        />
      </section>
      <LanesSection />
      <NamedList noun="organisation" title="Organisations" field="name" extra />
      <NamedList noun="persona" title="Personas" field="name" />
      <NamedList noun="leverCategory" title="Lever categories" field="label" />
    </div>
  );
}

function AxisSection({ journey, execute }: { journey: Journey; execute: (c: JourneyCommand) => boolean }) {
  return (
    <section aria-labelledby="st-axis">
      <h3 id="st-axis">Axis</h3>
      <ChoiceField
        label="Steps across the map are"
        value={journey.axis.kind}
        onChange={(v) =>
          execute({
            type: 'axis.set',
            axis: v === 'dates' ? { kind: 'dates', unit: 'month' } : { kind: v as 'steps' | 'ages' },
          })
        }
      >
        <option value="steps">Steps in order</option>
        <option value="dates">Dates (months or days)</option>
        <option value="ages">Ages (a life course)</option>
      </ChoiceField>
    </section>
  );
}

function LanesSection() {
  const { journey, execute, newId } = useEditorContext();
  return (
    <section aria-labelledby="st-lanes">
      <h3 id="st-lanes">Lanes ({journey.lanes.length})</h3>
      <ol className="item-list">
        {journey.lanes.map((l, i) => (
          <li key={l.id} data-item={l.id}>
            <CommitField
              label={`Lane ${i + 1} name (${laneKinds[l.kind].label})`}
              value={l.label}
              onCommit={(v) =>
                v.trim() === ''
                  ? 'Lane name: expected some text'
                  : execute({ type: 'lane.update', id: l.id, patch: { label: v.trim() } })
                    ? null
                    : 'refused'
              }
            />
            {(l.kind === 'emotion' || l.kind === 'feeling') && journey.personas.length > 0 ? (
              <ChoiceField
                label={`Persona of ${l.label}`}
                value={l.personaId ?? ''}
                onChange={(v) =>
                  execute(
                    v === ''
                      ? { type: 'lane.update', id: l.id, patch: {}, unset: ['personaId'] }
                      : { type: 'lane.update', id: l.id, patch: { personaId: v as never } },
                  )
                }
              >
                <option value="">(none)</option>
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
              back="Move up"
              forward="Move down"
              onMove={(d) => execute({ type: 'lane.move', id: l.id, toIndex: d < 0 ? i - 1 : i + 1 })}
              onRemove={() => execute({ type: 'lane.remove', id: l.id })}
            />
          </li>
        ))}
      </ol>
      <KindNameForm
        kindLabel="New lane kind"
        kinds={laneKindIds.map((k) => ({ id: k, label: laneKinds[k].label }))}
        nameLabel="New lane name"
        button="Add lane"
        onAdd={(kind, name) =>
          execute({
            type: 'lane.add',
            item: {
              id: newId('lane') as never,
              kind: kind as never,
              label: name || laneKinds[kind as keyof typeof laneKinds].label,
            },
          })
        }
      />
    </section>
  );
}

function NamedList({
  noun,
  title,
  field,
  extra,
}: {
  noun: 'organisation' | 'persona' | 'leverCategory';
  title: string;
  field: 'name' | 'label';
  extra?: boolean;
}) {
  const { journey, execute, newId } = useEditorContext();
  const list = (
    noun === 'organisation'
      ? journey.organisations
      : noun === 'persona'
        ? journey.personas
        : journey.leverCategories
  ) as readonly { id: string; name?: string; label?: string; kind?: string }[];
  const singular = title.replace(/ies$/, 'y').replace(/s$/, '').toLowerCase();
  return (
    <section aria-label={title}>
      <h3>
        {title} ({list.length})
      </h3>
      <ul className="item-list">
        {list.map((item) => {
          const name = (item[field] ?? item.id) as string;
          return (
            <li key={item.id} data-item={item.id}>
              <CommitField
                label={`${singular.charAt(0).toUpperCase()}${singular.slice(1)} name`}
                value={name}
                onCommit={(v) =>
                  v.trim() === ''
                    ? 'expected some text'
                    : execute({
                          type: `${noun}.update`,
                          id: item.id,
                          patch: { [field]: v.trim() },
                        } as JourneyCommand)
                      ? null
                      : 'refused'
                }
              />
              {extra ? (
                <ChoiceField
                  label={`Kind of ${name}`}
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
                      {k}
                    </option>
                  ))}
                </ChoiceField>
              ) : null}
              <button
                type="button"
                className="button button--warning button--small"
                onClick={() => execute({ type: `${noun}.remove`, id: item.id } as JourneyCommand)}
              >
                Remove {singular} {name}
              </button>
            </li>
          );
        })}
      </ul>
      <AddForm
        label={`New ${singular} name`}
        button={`Add ${singular}`}
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
