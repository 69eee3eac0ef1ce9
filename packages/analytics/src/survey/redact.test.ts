import { describe, expect, it } from 'vitest';
import { redactPersonalDetails } from './redact';

describe('redactPersonalDetails', () => {
  it('takes out emails, phone numbers, postcodes, NI numbers and names after "my name is"', () => {
    const r = redactPersonalDetails(
      'My name is Sarah Jones, email sarah.jones@example.org or ring 07700 900123 / +44 (0)115 496 0123. I live at LE13 1GH and my NI is QQ 12 34 56 C.',
    );
    expect(r.text).toBe(
      'My name is [name], email [email] or ring [phone number] / [phone number]. I live at [postcode] and my NI is [NI number].',
    );
    expect(r.removed).toEqual({ name: 1, email: 1, phone: 2, postcode: 1, 'ni-number': 1 });
  });
  it('takes a lower-case name after the phrase, but not the words after it', () => {
    expect(redactPersonalDetails('hi my name is jane and the form was slow').text).toBe(
      'hi my name is [name] and the form was slow',
    );
  });
  it('postcodes without a space and landlines with brackets', () => {
    expect(redactPersonalDetails('SW1A1AA, (01664) 502502').text).toBe('[postcode], [phone number]');
  });
  it('leaves ordinary words, dates and money alone', () => {
    const plain = 'Waited 3 weeks from 12/03/2026, paid £25.50 for case 4471; the staff were kind';
    expect(redactPersonalDetails(plain)).toEqual({ text: plain, removed: {} });
  });
});
