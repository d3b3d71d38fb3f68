// The page's antiforgery token: the API refuses a cookie-authenticated change without it.
export const requestToken = () => document.querySelector('meta[name="request-verification-token"]')?.content || '';

// Small fetch wrapper for the sellers pages: JSON in and out; a refusal throws the problem's readable detail.
export async function api(method, url, body) {
  const init = { method, headers: {} };
  if (method !== 'GET') init.headers.RequestVerificationToken = requestToken();
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data?.detail || data?.title || `Request failed (${response.status}).`);
    error.type = data?.type;
    throw error;
  }
  return data;
}

export function show(element, text, kind = 'info') {
  element.hidden = !text;
  element.className = `alert ${kind}`;
  element.textContent = text || '';
}

export function presenceHub() {
  return new signalR.HubConnectionBuilder().withUrl('/hubs/presence').withAutomaticReconnect().build();
}

export const list = (text) => (text || '').split(',').map((s) => s.trim()).filter(Boolean);
