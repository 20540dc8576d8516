import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { CoursePage } from '../lib/routes.js';
import type { CoursePageProps } from './course-page.js';

/**
 * The course pages, each loaded on demand (its own chunk). Pages not built yet are absent and show
 * "This page is not available yet."; add them here.
 */
export const COURSE_PAGES: Partial<Record<CoursePage, { title: string; component: LazyExoticComponent<ComponentType<CoursePageProps>> }>> = {
  home: { title: 'Course Home', component: lazy(() => import('./CourseHomePage.js')) },
  'enrollment/activity': { title: 'Enrollment Activity', component: lazy(() => import('./EnrollmentActivityPage.js')) },
  'enrollment/demographics/age': { title: 'Enrollment Demographics by Age', component: lazy(() => import('./DemographicsAgePage.js')) },
  'enrollment/demographics/education': { title: 'Enrollment Demographics by Education', component: lazy(() => import('./DemographicsEducationPage.js')) },
  'enrollment/demographics/gender': { title: 'Enrollment Demographics by Gender', component: lazy(() => import('./DemographicsGenderPage.js')) },
  'enrollment/geography': { title: 'Enrollment Geography', component: lazy(() => import('./GeographyPage.js')) },
  'engagement/content': { title: 'Engagement Content', component: lazy(() => import('./EngagementContentPage.js')) },
  'engagement/videos': { title: 'Engagement Videos', component: lazy(() => import('./EngagementVideosPage.js')) },
  'performance/graded_content': { title: 'Graded Content', component: lazy(() => import('./GradedContentPage.js')) },
  'performance/ungraded_content': { title: 'Ungraded Problems', component: lazy(() => import('./UngradedContentPage.js')) },
  'performance/learning_outcomes': { title: 'Learning Outcomes', component: lazy(() => import('./LearningOutcomesPage.js')) },
  reports: { title: 'Reports', component: lazy(() => import('./ReportsPage.js')) },
  learners: { title: 'Learner Engagement', component: lazy(() => import('./LearnerTimelinePage.js')) },
};

export const PAGE_TITLES: Record<CoursePage, string> = {
  home: 'Course Home',
  'enrollment/activity': 'Enrollment Activity',
  'enrollment/demographics/age': 'Enrollment Demographics by Age',
  'enrollment/demographics/education': 'Enrollment Demographics by Education',
  'enrollment/demographics/gender': 'Enrollment Demographics by Gender',
  'enrollment/geography': 'Enrollment Geography',
  'engagement/content': 'Engagement Content',
  'engagement/videos': 'Engagement Videos',
  'performance/graded_content': 'Graded Content',
  'performance/ungraded_content': 'Ungraded Problems',
  'performance/learning_outcomes': 'Learning Outcomes',
  reports: 'Reports',
  learners: 'Learner Engagement',
};
