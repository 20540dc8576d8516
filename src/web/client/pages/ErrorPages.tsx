import { LogoutForm } from '../components/Header.js';
import { Link, useLocation } from '../lib/router.js';

/** 403, with the legacy wording and the Logout-then-Login action. */
export function ForbiddenPage() {
  const { pathname, search } = useLocation();
  return (
    <div className="error-page">
      <h1>Access Denied</h1>
      <p>
        You do not have permission to view this page. If you believe you should have access to this page, try logging
        out and logging in again to refresh your permissions.
      </p>
      <LogoutForm label="Log out, then log in again" next={`/login/?next=${encodeURIComponent(pathname + search)}`} />
    </div>
  );
}

export function NotFoundPage() {
  return (
    <div className="error-page">
      <h1>Page Not Found</h1>
      <p>The page you are looking for does not exist or has moved.</p>
      <p><Link href="/courses/">Go to your courses</Link></p>
    </div>
  );
}

/** Pages of the lens navigation that are not built yet. */
export function ComingSoonPage({ title }: { title: string }) {
  return (
    <div className="page">
      <h1 className="page-title">{title}</h1>
      <div className="alert alert-info" role="status"><p>This page is not available yet.</p></div>
    </div>
  );
}
