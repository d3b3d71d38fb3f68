// "Report" wherever a user meets another (a seller's card, the chat room): a small form that files a report to moderation.
import { api, show } from './api.js';

// A form with data-report-subject (the chat room): the reason comes from its textarea.
for (const form of document.querySelectorAll('form[data-report-subject]')) {
  const status = form.querySelector('[data-report-status]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = form.elements.reason.value.trim();
    try {
      await api('POST', '/api/reports', { subjectId: form.dataset.reportSubject, reason });
      form.reset();
      show(status, 'Thank you: the report went to the moderators.', 'success');
    } catch (e) { show(status, e.message, 'error'); }
  });
}

// A button with data-report-subject (a seller's card, added by browse.js): asks for the reason.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-report-subject]');
  if (!button) return;
  const reason = window.prompt('What is wrong? Your report goes to the moderators.');
  if (!reason || !reason.trim()) return;
  try {
    await api('POST', '/api/reports', { subjectId: button.dataset.reportSubject, reason: reason.trim() });
    button.textContent = 'Reported';
    button.disabled = true;
  } catch (e) { window.alert(e.message); }
});
