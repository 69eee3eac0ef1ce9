import { describe, expect, it } from 'vitest';
import { personaColour, personaInitials } from './persona-avatar';

describe('persona avatars', () => {
  it('takes the first and the next telling word, skipping small words', () => {
    expect(personaInitials('Victim of repeated anti-social behaviour')).toBe('VR');
    expect(personaInitials('Mrs X')).toBe('MX');
    expect(personaInitials('Tenant')).toBe('T');
    expect(personaInitials('  young person  ')).toBe('YP');
    expect(personaInitials('Ēlin ap Rhys')).toBe('ĒA');
    expect(personaInitials('— 42 —')).toBe('?');
  });
  it('gives a name the same colour every time, and different names different colours often enough', () => {
    expect(personaColour('Witness')).toBe(personaColour('witness '));
    const colours = new Set(
      ['Witness', 'Victim', 'Tenant', 'Mrs X', 'Young person', 'Officer'].map(personaColour),
    );
    expect(colours.size).toBeGreaterThan(2);
  });
});
