import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from './server-env.ts';

/**
 * GET /setup: the page the first-start link opens, a form that creates the first administrator
 * through POST /api/auth/setup with the link's one-time token. Until the web workbench exists,
 * this is the only page besides /docs.
 */
export function registerSetupPage(app: OpenAPIHono<ServerEnv>) {
  app.get('/setup', (c) => c.html(setupHtml));
}

const setupHtml = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Parley — first administrator</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem}output{display:block;margin-top:1rem}</style>
<h1>Parley: create the first administrator</h1>
<form id="setup">
  <label>Email <input name="email" type="email" required autocomplete="username"></label>
  <label>Name <input name="displayName" required></label>
  <label>Password (12 characters or more) <input name="password" type="password" minlength="12" required autocomplete="new-password"></label>
  <button>Create</button>
</form>
<output id="result" role="status"></output>
<script>
document.getElementById('setup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const token = new URLSearchParams(location.search).get('token') || '';
  const response = await fetch('/api/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, email: form.get('email'), displayName: form.get('displayName'), password: form.get('password') }),
  });
  const body = await response.json().catch(() => ({}));
  document.getElementById('result').textContent = response.ok
    ? 'Done: you are signed in as ' + body.user.email + '. The API and its docs are at /docs.'
    : 'Refused: ' + ((body.error && body.error.message) || response.status);
});
</script>
</html>
`;
