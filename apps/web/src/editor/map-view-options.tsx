import type { Journey } from '@waymark/core';
import { useId } from 'react';
import { t, type MessageId } from '../i18n';
import { BilingualViewSwitch } from './bilingual-content';
import { densities, isDensity, type Density } from './density';
import { PersonaAvatar } from './persona-avatar';

/**
 * The strip above the map: whose journey it is (each persona's initials and name, as the commercial tools put
 * their persona at the top of a map) and the view options that change only this browser's view (density).
 */
export function MapViewOptions({
  journey,
  density,
  setDensity,
}: {
  journey: Journey;
  density: Density;
  setDensity: (density: Density) => void;
}) {
  const id = useId();
  return (
    <div className="map-view">
      {journey.personas.length > 0 ? (
        <div className="map-view__personas">
          <span id={`${id}-personas`} className="map-view__label">
            {t('editor.personas.title', { count: journey.personas.length })}
          </span>
          <ul className="persona-list" aria-labelledby={`${id}-personas`}>
            {journey.personas.map((p) => (
              <li key={p.id} className="persona-list__item" title={p.description}>
                <PersonaAvatar name={p.name} />
                <span>{p.name}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <BilingualViewSwitch journey={journey} />
      <div className="map-view__options">
        <label htmlFor={`${id}-density`} className="map-view__label">
          {t('editor.density.label')}
        </label>
        <select
          id={`${id}-density`}
          value={density}
          onChange={(e) => {
            if (isDensity(e.target.value)) setDensity(e.target.value);
          }}
        >
          {densities.map((d) => (
            <option key={d} value={d}>
              {t(`editor.density.${d}` as MessageId)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
