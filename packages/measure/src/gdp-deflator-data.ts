/**
 * HM Treasury, "GDP deflators at market prices, and money GDP": the series the Green Book uses to express
 * costs in one year's prices (decision 0032). Calendar-year GDP deflator at market prices, 2024 = 100.
 *
 * Publication: "GDP deflators at market prices, and money GDP: December 2025 (Quarterly National Accounts)",
 * HM Treasury, December 2025 (the publication's own date; no day is given here because none could be checked).
 *   Page: https://www.gov.uk/government/statistics/gdp-deflators-at-market-prices-and-money-gdp-december-2025-quarterly-national-accounts
 *   File: https://assets.publishing.service.gov.uk/media/695ced916056a077857e735e/CGDP_Deflators_Qtrly_National_Accounts_December_2025_update.xlsx
 * Collection: https://www.gov.uk/government/collections/gdp-deflators-at-market-prices-and-money-gdp
 *
 * How the figures were sourced: the Treasury file could not be opened from here. The values below are the
 * calendar-year column of that file (years 1990 to 2024, rounded to 4 decimal places) as read from it by the
 * open-source `greenbook` R package (github.com/charlescoverdale/greenbook, file inst/extdata/gdp_deflator.csv,
 * commit 21a380d10474d976961980b246ccf9fa5b2c0e5a, made by its data-raw/gdp_deflator.R from the file above).
 * Only these years could be sourced: there are no financial-year (2024-25 style) values and no OBR forecast
 * years (2025 onwards) here. An instance administrator loads a newer file on the costs page (or the CLI takes
 * --deflator <file.csv>) to cover later years; until then a price year after 2024 is refused, never guessed.
 */
export const hmtGdpDeflatorDecember2025 = {
  id: 'hmt-gdp-deflator-2025-12',
  // i18n-exempt: a citation, the publisher's own title
  title:
    'HM Treasury, GDP deflators at market prices, and money GDP: December 2025 (Quarterly National Accounts)',
  published: '2025-12',
  url: 'https://www.gov.uk/government/statistics/gdp-deflators-at-market-prices-and-money-gdp-december-2025-quarterly-national-accounts',
  base: '2024',
  index: {
    '1990': 42.7537,
    '1991': 45.6203,
    '1992': 47.1096,
    '1993': 48.5208,
    '1994': 49.4168,
    '1995': 50.7097,
    '1996': 52.8097,
    '1997': 52.8303,
    '1998': 53.5326,
    '1999': 54.2793,
    '2000': 54.8102,
    '2001': 55.7479,
    '2002': 56.911,
    '2003': 58.266,
    '2004': 59.8584,
    '2005': 61.5718,
    '2006': 63.4682,
    '2007': 64.7322,
    '2008': 66.89,
    '2009': 68.217,
    '2010': 69.1217,
    '2011': 70.834,
    '2012': 71.9294,
    '2013': 73.4795,
    '2014': 74.6524,
    '2015': 75.1536,
    '2016': 76.4554,
    '2017': 77.6367,
    '2018': 79.1606,
    '2019': 81.1085,
    '2020': 85.2137,
    '2021': 85.6358,
    '2022': 90.5005,
    '2023': 96.2507,
    '2024': 100,
  },
} as const;
