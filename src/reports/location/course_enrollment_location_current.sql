-- Enrollments from the LMS by the country of each learner's last IP address: enrolled now (count) and ever
-- (cumulative_count). A learner with no events has no country (NULL); one whose address is private or unknown to
-- the GeoIP database counts under UNKNOWN. `date` is the day of the LMS snapshot, the run day.
with located_enrollments as (
  select
    enrollments.course_id as course_id,
    enrollments.is_active as is_active,
    case when last_ips.ip is not null then coalesce(countries.country_code, 'UNKNOWN') end as country_code
  from lms_student_courseenrollment as enrollments
  left join last_ip_of_user as last_ips on last_ips.user_id = enrollments.user_id
  left join ip_countries as countries on countries.ip = last_ips.ip
)
select
  $snapshot_date as date,
  located.course_id as course_id,
  located.country_code as country_code,
  cast(sum(located.is_active) as integer) as count,
  cast(count(*) as integer) as cumulative_count
from located_enrollments as located
group by located.course_id, located.country_code
