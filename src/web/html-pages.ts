/** The few pages the server renders itself (the browser app renders the rest). Texts are the legacy Insights ones. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | Lantern Insights</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}
a,button{color:#0a5c8a;font:inherit}button{background:none;border:1px solid #0a5c8a;border-radius:4px;padding:.4rem .9rem;cursor:pointer}</style>
</head><body><main>${body}</main></body></html>`;
}

export function landingPage(): string {
  return page(
    'Welcome',
    `<h1>Lantern Insights</h1><p>Insights to help course teams improve courses.</p>
<ul><li><strong>Who are my learners?</strong> Target your course to fit the backgrounds of your learners.</li>
<li><strong>What are learners engaging with in my course?</strong> Improve frequently accessed content, or point learners at underused resources.</li>
<li><strong>How well is my content supporting learners?</strong> Adjust your course based on where learners are struggling.</li></ul>
<p><a href="/login/">Sign in</a></p>`,
  );
}

/** The legacy 403 page, with its "Logout then Login" action. */
export function accessDeniedPage(csrfToken: string, next: string): string {
  return page(
    'Access Denied',
    `<h1>Access Denied</h1>
<p>You do not have permission to view this page. If you believe you should have access to this page, try logging out and logging in again to refresh your permissions.</p>
<form method="post" action="/logout/"><input type="hidden" name="_csrf" value="${escape(csrfToken)}">
<input type="hidden" name="next" value="${escape(`/login/?next=${encodeURIComponent(next)}`)}">
<button type="submit">Logout then Login</button></form>`,
  );
}

/** The legacy "Permissions Retrieval Failed" page: the LMS could not say what the user may see. */
export function permissionsFailedPage(retry: string): string {
  return page(
    'Permissions Retrieval Failed',
    `<h1>Permissions Retrieval Failed</h1>
<p>There was a problem retrieving course permissions for your account. Please try again. If you continue to experience issues, please let us know.</p>
<p><a href="${escape(retry)}">Try Again</a></p>`,
  );
}

export function signInFailedPage(reason: string): string {
  return page('Sign-in failed', `<h1>Sign-in failed</h1><p>${escape(reason)}</p><p><a href="/login/">Sign in again</a></p>`);
}
