import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD, MIN_PASSWORD, passwordProblem } from './password-policy';

const ann = { email: 'ann.smith@melton.gov.uk', name: 'Ann Smith' };

describe('the password rule (NCSC: length over complexity, a deny-list, no composition rules)', () => {
  it('given passwords long enough and not common, then they are accepted whatever characters they use', () => {
    for (const ok of [
      'correct horse battery',
      'tractor lemon chapel',
      'sixteencharsonly',
      'Ünïcödé wörds fine',
      'x'.repeat(3) + 'kettle window grass',
    ])
      expect(passwordProblem(ok, ann), ok).toBeNull();
  });

  it('given a password shorter than the minimum or longer than the maximum, then the message says the limit', () => {
    expect(MIN_PASSWORD).toBe(12);
    expect(passwordProblem('short words', ann)).toBe(
      'Use at least 12 characters. Three random words together, like ‘tractor lemon chapel’, are long and easy to remember.',
    );
    expect(passwordProblem('a'.repeat(MAX_PASSWORD + 1), ann)).toBe(
      `Use at most ${MAX_PASSWORD} characters.`,
    );
  });

  it('given a common password (from the list of 49,233), as it is, spaced out or with digits and symbols around it, then it is refused', () => {
    for (const common of [
      'qwerty123456',
      'password1234',
      'Password1234',
      'PASSWORD 1234',
      'Sunshine2024!!',
      '!!iloveyou2024',
    ])
      expect(passwordProblem(common, ann), common).toBe(
        'That password is one of the most common ones, which attackers try first. Choose another: three random words work well.',
      );
  });

  it('given a password that repeats a few characters, then it is refused', () => {
    expect(passwordProblem('abcabcabcabc', ann)).toBe(
      'That password only repeats a few characters. Choose another: three random words work well.',
    );
    expect(passwordProblem('zzzzzzzzzzzzzzzz', ann)).not.toBeNull();
  });

  it('given a password containing the email, the name or the word waymark, then it is refused', () => {
    const msg =
      'Do not use your name, your email address or the word ‘Waymark’ in your password: they are the first things an attacker tries.';
    expect(passwordProblem('ann.smith rules ok', ann)).toBe(msg);
    expect(passwordProblem('annsmith-is-great', ann)).toBe(msg);
    expect(passwordProblem('my Waymark password', ann)).toBe(msg);
    expect(passwordProblem('WAYMARK2026!!', ann)).toBe(msg);
    // Short names do not make ordinary words unusable.
    expect(passwordProblem('banner ocean lamp', { email: 'ed@x.org', name: 'Ed' })).toBeNull();
  });
});
