/**
 * Colours from the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), each series also told apart by its dash pattern so a greyscale
 * print still separates them.
 */
export const SERIES_STYLE = {
  base: { color: '#0072B2', dash: undefined, name: 'Plan (today’s data)' },
  whatIf: { color: '#D55E00', dash: '7 4', name: 'What-if' },
  compare: { color: '#009E73', dash: '2 3', name: 'Compared with' },
  target: { color: '#1a1a1a', dash: '10 4', name: 'Target' },
} as const;

export const SITE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];
