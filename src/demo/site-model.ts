import { addDays } from '../events/interval.js';
import { buildCourseStructure, type CourseContent } from './course-structure.js';
import { addressIn, DESKTOP_AGENTS, MOBILE_APP_AGENTS, pickCountry } from './geography.js';
import type { Random } from './random.js';

export interface Course {
  readonly id: string;
  readonly org: string;
  readonly number: string;
  readonly run: string;
  readonly displayName: string;
  readonly start: string;
  readonly end: string;
  readonly selfPaced: boolean;
  readonly content: CourseContent;
  readonly staff: readonly number[];
}

export interface Learner {
  readonly id: number;
  readonly username: string;
  readonly email: string;
  readonly name: string;
  readonly joined: string;
  readonly yearOfBirth: number | null;
  readonly gender: string | null;
  readonly levelOfEducation: string | null;
  readonly country: string;
  readonly ip: string;
  readonly agent: string;
  readonly mobileAgent: string | null;
  /** How keen the learner is, 0..1: drives how often and how long they come back. */
  readonly engagement: number;
}

export interface EnrollmentPlan {
  readonly learner: Learner;
  readonly course: Course;
  readonly enrolledOn: string;
  readonly mode: 'audit' | 'honor' | 'verified';
  /** Day the learner upgrades to verified, if they do. */
  readonly upgradeOn: string | null;
  /** Day the learner unenrolls, if they do. */
  readonly unenrollOn: string | null;
}

export interface Site {
  readonly lmsUrl: string;
  readonly courses: readonly Course[];
  readonly learners: readonly Learner[];
  readonly staff: readonly Learner[];
  readonly enrollments: readonly EnrollmentPlan[];
  readonly start: string;
  readonly days: number;
}

export interface SiteOptions {
  readonly courses: number;
  readonly learners: number;
  readonly days: number;
  readonly start: string;
}

const SUBJECTS = [
  ['DataSci', 'Introduction to Data Science'],
  ['Climate', 'Climate Change: The Science'],
  ['Python', 'Programming in Python'],
  ['Stats', 'Statistics for Everyone'],
  ['History', 'A History of the Modern World'],
  ['Bio', 'Principles of Biology'],
  ['Econ', 'Microeconomics'],
  ['Writing', 'Academic Writing'],
] as const;

const FIRST_NAMES = ['Ada', 'Bayo', 'Chen', 'Dana', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kofi', 'Lena', 'Mira', 'Nikhil', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe'];
const LAST_NAMES = ['Okafor', 'Silva', 'Nguyen', 'Smith', 'Kumar', 'Garcia', 'Müller', 'Tanaka', 'Haddad', 'Kowalski', 'Mensah', 'Rossi', 'Ivanova', 'Park', 'Dubois'];
const EDUCATION = [['hs', 20], ['b', 30], ['m', 18], ['p', 4], ['a', 6], ['jhs', 4], ['el', 1], ['none', 2], ['other', 5], ['', 10]] as const;
const GENDERS = [['m', 46], ['f', 44], ['o', 2], ['', 8]] as const;

/** The people and courses of a generated site, and who enrolls where and when. */
export function buildSite(random: Random, options: SiteOptions): Site {
  const lmsUrl = 'http://localhost:18000';
  const learners: Learner[] = [];
  const staff: Learner[] = [];
  let nextId = 1;
  const person = (username: string, joined: string): Learner => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const country = pickCountry(random);
    const yearOfBirth = random.chance(0.9) ? Math.round(random.around(1992, 30)) : null;
    return {
      id: nextId++,
      username,
      email: `${username}@example.com`,
      name: `${first} ${last}`,
      joined,
      yearOfBirth: yearOfBirth === null ? null : Math.min(2012, Math.max(1940, yearOfBirth)),
      gender: random.weighted(GENDERS) || null,
      levelOfEducation: random.weighted(EDUCATION) || null,
      country,
      ip: addressIn(random, country),
      agent: random.pick(DESKTOP_AGENTS),
      mobileAgent: random.chance(0.2) ? random.pick(MOBILE_APP_AGENTS) : null,
      engagement: Math.min(1, Math.max(0.02, random.next() ** 1.6)),
    };
  };

  const courses: Course[] = [];
  for (let index = 0; index < options.courses; index += 1) {
    const [number, title] = SUBJECTS[index % SUBJECTS.length]!;
    const series = Math.floor(index / SUBJECTS.length);
    const org = index % 3 === 2 ? 'DemoU' : 'LanternX';
    // One course in the legacy Org/Num/Run form, as older sites still have.
    const legacy = index === 1;
    const run = legacy ? '2026' : `2026_T${series + 1}`;
    const id = legacy ? `${org}/${number}/${run}` : `course-v1:${org}+${number}${series || ''}+${run}`;
    const staffMembers = [person(`staff_${index + 1}`, addDays(options.start, -60))];
    staff.push(...staffMembers);
    courses.push({
      id,
      org,
      number: `${number}${series || ''}`,
      run,
      displayName: series ? `${title} ${series + 1}` : title,
      start: addDays(options.start, random.int(0, Math.max(0, Math.floor(options.days / 4)))),
      end: addDays(options.start, options.days + random.int(14, 60)),
      selfPaced: random.chance(0.3),
      content: buildCourseStructure(random, id, lmsUrl, random.int(3, 6)),
      staff: staffMembers.map((member) => member.id),
    });
  }

  const enrollments: EnrollmentPlan[] = [];
  for (let index = 0; index < options.learners; index += 1) {
    const joinedOffset = random.int(-30, Math.max(0, options.days - 2));
    const learner = person(`learner_${String(index + 1).padStart(5, '0')}`, addDays(options.start, joinedOffset));
    learners.push(learner);
    const courseCount = random.weighted([[1, 60], [2, 28], [3, 12]] as const);
    const chosen = new Set<Course>();
    while (chosen.size < Math.min(courseCount, courses.length)) chosen.add(random.pick(courses));
    for (const course of chosen) {
      const earliest = Math.max(0, joinedOffset);
      const offset = Math.min(options.days - 1, earliest + Math.floor(random.next() ** 2 * (options.days - earliest)));
      const mode = random.weighted([['audit', 70], ['honor', 10], ['verified', 20]] as const);
      const upgradeAfter = mode === 'audit' && random.chance(0.08) ? random.int(1, 20) : null;
      const unenrollAfter = random.chance(0.1) ? random.int(0, 25) : null;
      enrollments.push({
        learner,
        course,
        enrolledOn: addDays(options.start, offset),
        mode,
        upgradeOn: upgradeAfter === null ? null : addDays(options.start, offset + upgradeAfter),
        unenrollOn: unenrollAfter === null ? null : addDays(options.start, offset + unenrollAfter),
      });
    }
  }
  return { lmsUrl, courses, learners, staff, enrollments, start: options.start, days: options.days };
}
