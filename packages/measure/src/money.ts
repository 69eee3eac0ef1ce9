/**
 * Money: whole pence at the edges, unrounded pounds in between.
 * Inputs arrive as pounds; arithmetic (discounting, averages) runs on unrounded pounds;
 * each reported figure is rounded once, half away from zero, to a whole penny.
 * See docs/decisions/0004-measure-money-and-discounting.md.
 */
export type Pence = number & { readonly __unit: 'pence' };

/** Round half away from zero to `decimals` places, ignoring binary noise below 1e-9 of the last place. */
export function roundHalfAway(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) throw new RangeError(`roundHalfAway needs a finite number; got ${value}`);
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toFixed(9 - Math.min(decimals, 6)));
  const rounded = Math.floor(scaled + 0.5) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Pounds (any precision) to whole pence, rounding half a penny away from zero. */
export function poundsToPence(pounds: number): Pence {
  return roundHalfAway(pounds * 100) as Pence;
}

/** A whole number of pence; throws if it is not one (a bug, not an input error). */
export function pence(value: number): Pence {
  if (!Number.isSafeInteger(value)) throw new RangeError(`pence must be a whole number; got ${value}`);
  return value as Pence;
}

export const penceToPounds = (amount: Pence): number => amount / 100;

export const sumPence = (amounts: readonly Pence[]): Pence => amounts.reduce((a, b) => a + b, 0) as Pence;

export interface MoneyFormat {
  /** Round to whole pounds (`£90,301`) instead of showing pence (`£90,301.05`). */
  readonly wholePounds?: boolean;
}

/** `£1,234.56`, `-£50,000.00`, or with wholePounds `£90,301`. */
export function formatMoney(amount: Pence, format: MoneyFormat = {}): string {
  const whole = format.wholePounds === true;
  const units = whole ? roundHalfAway(amount / 100) : amount;
  const abs = Math.abs(units);
  const pounds = whole ? abs : Math.floor(abs / 100);
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const tail = whole ? '' : `.${String(abs % 100).padStart(2, '0')}`;
  return `${units < 0 ? '-' : ''}£${grouped}${tail}`;
}

/** Pence as a plain decimal string of pounds for CSV and spreadsheets: `-50000.00`. */
export function penceToDecimalString(amount: Pence): string {
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
