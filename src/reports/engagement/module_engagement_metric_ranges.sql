-- Per course and metric, the week's low, normal and high ranges (the legacy ModuleEngagementSummaryMetricRangesDataTask):
-- the 15th and 85th percentiles of the learners' values, by numpy's default (linear) method, split [0, p15) low,
-- [p15, p85) normal and [p85, infinity) high. Without a positive p15 there is no low range; when p15 equals p85 there
-- is only normal, [p15, infinity). NULL stands for infinity throughout, in values and in bounds.
with percentiles as (
  select 'low' as bound, 15 as percent
  union all
  select 'high', 85
),
metric_values as (
  select summary.course_id as course_id, 'problem_attempts' as metric, cast(summary.problem_attempts as double) as value
  from module_engagement_summary as summary
  union all
  select summary.course_id, 'problems_attempted', cast(summary.problems_attempted as double) from module_engagement_summary as summary
  union all
  select summary.course_id, 'problems_completed', cast(summary.problems_completed as double) from module_engagement_summary as summary
  union all
  select summary.course_id, 'videos_viewed', cast(summary.videos_viewed as double) from module_engagement_summary as summary
  union all
  select summary.course_id, 'discussion_contributions', cast(summary.discussion_contributions as double)
  from module_engagement_summary as summary
  union all
  -- A learner who attempted no problem has no ratio (0/0): left out, as upstream did.
  select summary.course_id, 'problem_attempts_per_completed', summary.problem_attempts_per_completed
  from module_engagement_summary as summary
  where summary.problem_attempts > 0
),
ranked as (
  select
    metric_values.course_id as course_id,
    metric_values.metric as metric,
    metric_values.value as value,
    row_number() over (partition by metric_values.course_id, metric_values.metric order by metric_values.value asc nulls last) - 1
      as position,
    count(*) over (partition by metric_values.course_id, metric_values.metric) as value_count
  from metric_values
),
-- numpy's linear percentile: the point at p/100 * (n - 1) between the sorted values either side of it. The fraction
-- is kept in whole hundredths: an integer metric gets 0.45 where numpy computed 0.44999999999999996, which upstream
-- published as 0.45 (its files printed floats with 12 significant digits).
interpolation_points as (
  select
    ranked.course_id as course_id,
    ranked.metric as metric,
    ranked.value as value,
    ranked.position as position,
    percentiles.bound as bound,
    (percentiles.percent * (ranked.value_count - 1) - (percentiles.percent * (ranked.value_count - 1)) % 100) / 100 as below,
    least((percentiles.percent * (ranked.value_count - 1) - (percentiles.percent * (ranked.value_count - 1)) % 100) / 100 + 1,
      ranked.value_count - 1) as above,
    (percentiles.percent * (ranked.value_count - 1)) % 100 as hundredths
  from ranked
  cross join percentiles
),
interpolated as (
  select
    points.course_id as course_id,
    points.metric as metric,
    points.bound as bound,
    -- An infinite value above the point makes it infinite (numpy gives inf or nan, and upstream read nan as inf).
    case
      when max(case when points.position = points.above and points.value is null then 1 else 0 end) = 1 then null
      else (max(case when points.position = points.below then points.value end) * (100 - max(points.hundredths))
        + max(case when points.position = points.above then points.value end) * max(points.hundredths)) / 100
    end as value
  from interpolation_points as points
  group by points.course_id, points.metric, points.bound
),
bounds as (
  select
    interpolated.course_id as course_id,
    interpolated.metric as metric,
    max(case when interpolated.bound = 'low' then interpolated.value end) as normal_low,
    max(case when interpolated.bound = 'high' then interpolated.value end) as normal_high
  from interpolated
  group by interpolated.course_id, interpolated.metric
),
split_bounds as (
  select
    bounds.course_id as course_id,
    bounds.metric as metric,
    bounds.normal_low as normal_low,
    bounds.normal_high as normal_high,
    coalesce(bounds.normal_low = bounds.normal_high, bounds.normal_low is null and bounds.normal_high is null) as is_single_value
  from bounds
),
ranges as (
  select split.course_id as course_id, split.metric as metric, 'low' as range_type, 0.0 as low_value, split.normal_low as high_value
  from split_bounds as split
  where split.normal_low is null or split.normal_low > 0
  union all
  select split.course_id, split.metric, 'normal', split.normal_low, case when split.is_single_value then null else split.normal_high end
  from split_bounds as split
  union all
  select split.course_id, split.metric, 'high', split.normal_high, null
  from split_bounds as split
  where not split.is_single_value
  union all
  -- A metric no learner of the course has a value for (no problem attempted): one normal range, [0, infinity).
  select courses.course_id, 'problem_attempts_per_completed', 'normal', 0.0, null
  from (select distinct summary.course_id as course_id from module_engagement_summary as summary) as courses
  where not exists (
    select 1 from split_bounds as split
    where split.course_id = courses.course_id and split.metric = 'problem_attempts_per_completed'
  )
)
select
  cast(ranges.course_id as varchar) as course_id,
  cast($window_start as varchar) as start_date,
  cast($window_end as varchar) as end_date,
  ranges.metric as metric,
  ranges.range_type as range_type,
  cast(ranges.low_value as double) as low_value,
  cast(ranges.high_value as double) as high_value
from ranges
