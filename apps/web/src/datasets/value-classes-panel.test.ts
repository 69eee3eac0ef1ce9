import { describe, expect, it } from 'vitest';
import { activityOfRefusal, startingChoices } from './value-classes-panel';

describe('the classification screen of a log attached to a journey (issue 13 item 5)', () => {
  it('given nothing saved, then NI14 suggestions start as waste and the rest unclassified', () => {
    expect(startingChoices(['Benefit paid', 'Chase progress', 'Transferred'], undefined)).toEqual({
      'Benefit paid': '',
      'Chase progress': 'waste',
      Transferred: 'waste',
    });
  });

  it('given a saved classification, then it is shown as saved and no suggestion overrides it', () => {
    expect(startingChoices(['Benefit paid', 'Chase progress'], { 'Benefit paid': 'value-added' })).toEqual({
      'Benefit paid': 'value-added',
      'Chase progress': '',
    });
  });

  it("given the journey's refusal, then the activity it names is found in its path", () => {
    expect(activityOfRefusal('commands[0].patch.valueClasses["Chase \\"x\\" claim"]')).toBe(
      'Chase "x" claim',
    );
    expect(activityOfRefusal('commands[0].patch.title')).toBeUndefined();
    expect(activityOfRefusal(null)).toBeUndefined();
  });
});
