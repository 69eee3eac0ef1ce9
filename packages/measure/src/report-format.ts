import type { FigureValue } from './five-case';
import { formatMoney, roundHalfAway } from './money';
import { englishWords, type Words } from './words';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** 12,345.6 with thousands separators, rounded half away to `decimals` (trailing zeros kept). */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(roundHalfAway(value, decimals)).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = roundHalfAway(value, decimals) < 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export const formatYears = (years: number | null, words: Words = englishWords): string =>
  years === null
    ? words.t('measure.value.notWithinPeriod')
    : words.t('measure.value.yearsDecimal', { years: formatNumber(years, 1) });

/** One figure of the Five Case outline as report text. */
export function formatFigureValue(value: FigureValue, words: Words = englishWords): string {
  switch (value.kind) {
    case 'money':
      return formatMoney(value.amount);
    case 'ratio':
      return value.value === null ? words.t('measure.value.noCosts') : formatNumber(value.value, 2);
    case 'years':
      return formatYears(value.value, words);
    case 'number':
      return `${formatNumber(value.value, Number.isInteger(value.value) ? 0 : 2)} ${value.unit}`;
    case 'text':
      return value.value;
  }
}
