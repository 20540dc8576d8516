import type { EngagementTimeline } from '../lib/types.js';

export type TimelineDay = EngagementTimeline['days'][number];

/** The legacy "Daily Activity" series, in legacy order. */
export const DAILY_SERIES: ReadonlyArray<{ key: 'discussion_contributions' | 'problems_completed' | 'videos_viewed'; label: string }> = [
  { key: 'discussion_contributions', label: 'Discussion Contributions' },
  { key: 'problems_completed', label: 'Problems Correct' },
  { key: 'videos_viewed', label: 'Videos Viewed' },
];

export interface LearnerTimeline {
  /** Ascending by date. */
  days: TimelineDay[];
  series: Array<{ name: string; values: number[] }>;
  totals: { problemsAttempted: number; problemsCompleted: number; discussionContributions: number; videosViewed: number };
}

export function presentLearnerTimeline(timeline: EngagementTimeline): LearnerTimeline {
  const days = [...timeline.days].sort((a, b) => a.date.localeCompare(b.date));
  const sum = (k: keyof Omit<TimelineDay, 'date'>) => days.reduce((s, d) => s + (d[k] ?? 0), 0);
  return {
    days,
    series: DAILY_SERIES.map((s) => ({ name: s.label, values: days.map((d) => d[s.key] ?? 0) })),
    totals: {
      problemsAttempted: sum('problems_attempted'),
      problemsCompleted: sum('problems_completed'),
      discussionContributions: sum('discussion_contributions'),
      videosViewed: sum('videos_viewed'),
    },
  };
}
