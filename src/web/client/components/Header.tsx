import { useState } from 'react';
import { Link } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { formatUpdated, parseApiTimestamp } from '../lib/format.js';

/** The Logout button: a form POST with the CSRF token (the server redirects). */
export function LogoutForm({ label = 'Logout', next }: { label?: string; next?: string }) {
  const { session } = useSession();
  return (
    <form method="post" action="/logout/" className="inline-form">
      <input type="hidden" name="_csrf" value={session.csrfToken} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button type="submit" className="link-button">{label}</button>
    </form>
  );
}

export function Header({ course }: { course?: { id: string; name: string } }) {
  const { session, refresh } = useSession();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const checked = parseApiTimestamp(session.permissionsCheckedAt);
  const onRefresh = async () => {
    setBusy(true);
    setStatus('Refreshing your permissions...');
    try {
      await refresh();
      setStatus('Your permissions were refreshed.');
    } catch {
      setStatus('We are unable to refresh your permissions. Try again later.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">Skip to content</a>
      <div className="header-row">
        <Link href="/courses/" className="brand">Lantern Insights</Link>
        {course ? <Link href={`/courses/${course.id}/`} className="course-name">{course.name}</Link> : null}
        <details className="user-menu">
          <summary><span className="sr-only">User menu for </span>{session.username}</summary>
          <div className="user-menu-body">
            {session.name ? <p className="user-name">{session.name}</p> : null}
            {checked !== null ? (
              <p className="muted">Permissions checked {formatUpdated(checked).date} at {formatUpdated(checked).time} UTC.</p>
            ) : null}
            <button type="button" className="link-button" onClick={() => void onRefresh()} disabled={busy}>Refresh my permissions</button>
            <LogoutForm />
          </div>
        </details>
      </div>
      <p className="sr-only" role="status" aria-live="polite">{status}</p>
      {status && !busy ? <p className="header-status" aria-hidden="true">{status}</p> : null}
    </header>
  );
}
