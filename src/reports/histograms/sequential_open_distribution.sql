-- How many learners opened each subsection: its courseware_studentmodule rows (the LMS writes one when a learner
-- first opens a sequential), as the legacy SeqOpenDistFromSqoopToMySQLWorkflow counted. The table arrives as counts
-- (see LMS_TABLES).
select
  modules.module_id as module_id,
  modules.course_id as course_id,
  cast(sum(modules.learners) as integer) as count
from lms_courseware_studentmodule as modules
where modules.module_type = 'sequential'
group by modules.module_id, modules.course_id
