import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, requestJson } from './api.js';
import type { Session } from './types.js';

interface SessionValue {
  session: Session;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** May the user see this course? (`courses: null` = every course.) */
export function canSeeCourse(session: Session, courseId: string): boolean {
  return session.courses === null || session.courses.includes(courseId);
}

/** The session the server put in the page (one request fewer before the page shows), if any. */
function embeddedSession(): Session | null {
  const text = document.getElementById('lantern-session')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as Session;
  } catch {
    return null;
  }
}

export function SessionProvider({ children, fallback, error }: { children: ReactNode; fallback: ReactNode; error: (message: string) => ReactNode }) {
  const [session, setSession] = useState<Session | null>(embeddedSession);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (session) return;
    requestJson<Session>('/web-api/session').then(setSession, (e: unknown) => {
      // 401: requestJson is already sending the browser to the sign-in page; keep showing "Loading".
      if (e instanceof ApiError && e.status === 401) return;
      setFailure(e instanceof Error ? e.message : String(e));
    });
  }, []);
  const refresh = useCallback(async () => {
    if (!session) return;
    const next = await requestJson<Session>('/web-api/permissions/refresh', {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': session.csrfToken },
    });
    setSession(next);
  }, [session]);
  if (failure) return <>{error(failure)}</>;
  if (!session) return <>{fallback}</>;
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}
