// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk-frontend.min.js';
import '/assets/session-timeout.js';
import '/assets/application-form.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
