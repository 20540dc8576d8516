/** The development LMS's few HTML pages: plain, accessible forms with no external assets. */

export const LOGIN_TITLE = 'Sign in to the development LMS';
export const LOGIN_FAILED = 'Username, email or password is incorrect.';

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:28rem;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#a4000f;border:1px solid #a4000f;padding:.5rem}
.hint{margin-top:2rem;color:#444;font-size:.9rem}`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

export interface LoginPageOptions {
  /** Where the form posts. */
  readonly action: string;
  /** The application asking for the sign-in. */
  readonly clientName: string;
  readonly username?: string;
  readonly error?: string;
}

export function loginPage(options: LoginPageOptions): string {
  const error = options.error
    ? `<p class="error" id="login-error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  const invalid = options.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return page(
    LOGIN_TITLE,
    `<h1>${LOGIN_TITLE}</h1>
<p>${escapeHtml(options.clientName)} asks you to sign in.</p>
${error}
<form method="post" action="${escapeHtml(options.action)}">
<label for="username">Username or email</label>
<input id="username" name="username" type="text" autocomplete="username" required autofocus value="${escapeHtml(options.username ?? '')}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">Sign in</button>
</form>
<p class="hint">Demo accounts: <code>staff</code>, <code>instructor</code>, <code>course_staff</code> and <code>learner</code>, password <code>edx</code>.</p>`,
  );
}

/**
 * RP-initiated logout. The LMS signs out without asking, so the form (oidc-provider's, holding its xsrf token)
 * submits itself; without scripts the button does it.
 */
export function logoutPage(form: string): string {
  return page(
    'Sign out of the development LMS',
    `<h1>Sign out of the development LMS</h1>
${form}
<button type="submit" id="sign-out" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>document.getElementById('sign-out').click();</script>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out of the development LMS', '<h1>Signed out</h1>\n<p>You have signed out of the development LMS.</p>');
}

export function errorPage(details: Readonly<Record<string, string | undefined>>): string {
  const items = Object.entries(details)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  return page('Development LMS error', `<h1>Something went wrong</h1>\n<dl>${items}</dl>`);
}
