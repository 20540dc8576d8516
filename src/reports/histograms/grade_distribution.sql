-- How many learners have each (grade, max_grade) per module, from the LMS courseware_studentmodule table, as the
-- legacy GradeDistFromSqoopToMySQLWorkflow counted: every row with a grade, whatever its module type; a row with a
-- grade but no max_grade counts under a NULL max_grade. The table arrives as counts (see LMS_TABLES).
select
  modules.module_id as module_id,
  modules.course_id as course_id,
  modules.grade as grade,
  modules.max_grade as max_grade,
  cast(sum(modules.learners) as integer) as count
from lms_courseware_studentmodule as modules
where modules.grade is not null
group by modules.module_id, modules.course_id, modules.grade, modules.max_grade
