import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  type ProductAliases,
  DEFAULT_COVERAGE_THRESHOLD,
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_REVISIT_INTERVAL_MONTHS,
} from '@build-vs-buy/plugin-build-vs-buy-common';

const DAY_MILLISECONDS = 86_400_000;

/** The plugin's settings, read once from `buildVsBuy` in app-config. */
export type BuildVsBuySettings = {
  revisitIntervalMonths: number;
  dueSoonDays: number;
  coverageThreshold: number;
};

export function readSettings(config: Config): BuildVsBuySettings {
  const section = config.getOptionalConfig('buildVsBuy');
  const interval = section?.has('revisitInterval')
    ? readDurationFromConfig(section, { key: 'revisitInterval' })
    : undefined;
  const window = section?.has('dueSoonWindow')
    ? readDurationFromConfig(section, { key: 'dueSoonWindow' })
    : undefined;
  if (interval && (interval.weeks || interval.days || interval.hours)) {
    throw new Error(
      'buildVsBuy.revisitInterval: give whole years or months (revisit dates are calendar months ahead)',
    );
  }
  const coverageThreshold =
    section?.getOptionalNumber('coverageThreshold') ??
    DEFAULT_COVERAGE_THRESHOLD;
  if (!(coverageThreshold > 0 && coverageThreshold <= 1)) {
    throw new Error(
      `buildVsBuy.coverageThreshold must be within (0, 1], got ${coverageThreshold}`,
    );
  }
  return {
    revisitIntervalMonths: interval
      ? (interval.years ?? 0) * 12 + (interval.months ?? 0) ||
        DEFAULT_REVISIT_INTERVAL_MONTHS
      : DEFAULT_REVISIT_INTERVAL_MONTHS,
    // Whole days, the way Backstage turns a duration into time: a window is
    // compared with calendar dates.
    dueSoonDays: window
      ? Math.floor(durationToMilliseconds(window) / DAY_MILLISECONDS)
      : DEFAULT_DUE_SOON_DAYS,
    coverageThreshold,
  };
}

/**
 * The spellings of products' names the vendor portfolio counts as one
 * product, from `buildVsBuy.portfolio.aliases`: each entry a product's
 * name and the spellings that mean it.
 */
export function readProductAliases(config: Config): ProductAliases {
  const aliases: Record<string, string> = {};
  for (const entry of config.getOptionalConfigArray(
    'buildVsBuy.portfolio.aliases',
  ) ?? []) {
    const product = entry.getString('product');
    for (const spelling of entry.getStringArray('spellings')) {
      aliases[spelling] = product;
    }
  }
  return aliases;
}
