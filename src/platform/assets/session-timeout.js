// Warns a logged-in user before the idle timeout ends the session and lets them stay. Progressive
// enhancement: without it the session still ends, and a form posted afterwards is kept by the
// server and restored after the new login.
const texts = {
  sv: {
    warning: 'Du loggas snart ut eftersom du inte har gjort något på en stund.',
    stay: 'Fortsätt vara inloggad',
    expired: 'Du har loggats ut. Det du skickar nu sparas och visas igen när du har loggat in.',
  },
  en: {
    warning: 'You will soon be logged out because you have been inactive for a while.',
    stay: 'Stay logged in',
    expired: 'You have been logged out. What you send now is kept and shown again after you log in.',
  },
};
const WARN_BEFORE_MS = 2 * 60 * 1000;

const logoutForm = document.querySelector('form[action="/logga-ut"]');
const main = document.getElementById('main-content');
if (logoutForm && main) {
  const t = texts[document.documentElement.lang] ?? texts.sv;
  const csrf = logoutForm.querySelector('input[name="_csrf"]')?.value ?? '';
  let warnTimer;
  let expireTimer;
  let banner;

  const showBanner = (message, withButton) => {
    banner?.remove();
    banner = document.createElement('div');
    banner.className = 'govuk-notification-banner';
    banner.setAttribute('role', 'alert');
    const content = document.createElement('div');
    content.className = 'govuk-notification-banner__content';
    const text = document.createElement('p');
    text.className = 'govuk-notification-banner__heading';
    text.textContent = message;
    content.append(text);
    if (withButton) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'govuk-button govuk-!-margin-bottom-0';
      button.textContent = t.stay;
      button.addEventListener('click', stay);
      content.append(button);
    }
    banner.append(content);
    // Looked up now: the upload script may have replaced the page this script started on.
    (document.getElementById('main-content') ?? main).prepend(banner);
    // The alert is announced either way; focus moves to the button only if it takes nobody's typing.
    if (!document.activeElement?.matches('input, textarea, select')) banner.querySelector('button')?.focus();
  };

  const schedule = (idleSeconds) => {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    const idleMs = idleSeconds * 1000;
    warnTimer = setTimeout(() => showBanner(t.warning, true), Math.max(idleMs - WARN_BEFORE_MS, 0));
    expireTimer = setTimeout(() => showBanner(t.expired, false), idleMs);
  };

  async function stay() {
    const response = await fetch('/inloggning/forny', { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
    if (response.ok) {
      banner?.remove();
      banner = undefined;
      start();
    } else {
      showBanner(t.expired, false);
    }
  }

  let idleSeconds;
  async function start() {
    const response = await fetch('/inloggning/tidsgrans', { credentials: 'same-origin' });
    if (!response.ok) return;
    const status = await response.json();
    if (!status.loggedIn) return;
    idleSeconds = status.idleSeconds;
    schedule(idleSeconds);
  }

  // The page's own requests (an autosave) renew the session as a click does, so the timers start
  // again. The server pushes the expiry forward at most once a minute: count from a minute earlier.
  document.addEventListener('bp:session-renewed', () => {
    if (idleSeconds === undefined) return;
    banner?.remove();
    banner = undefined;
    schedule(Math.max(idleSeconds - 60, 0));
  });

  start();
}
