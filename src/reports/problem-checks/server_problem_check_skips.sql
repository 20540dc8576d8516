-- The server problem_check events the answer distribution and problem response reports skip, per reason.
select
  checks.skip_reason as reason,
  cast(count(*) as integer) as events
from server_problem_checks as checks
where checks.skip_reason is not null
group by checks.skip_reason
order by checks.skip_reason
