/** Colour-blind friendly series colours (Okabe–Ito based), in series order. */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

/** The legacy map scale: from #bee1f5 (few learners) to #124d6f (the most). */
export const MAP_COLORS = ['#bee1f5', '#124d6f'];

export const BAR_COLOR = '#0072b2';
