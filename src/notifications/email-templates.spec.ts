import { NOTIFICATION_KINDS } from '../domain/reminders';
import { EmailTemplates } from './email-templates';

const data = {
  name: 'Priya Shah',
  strategy: 'Pride of Place',
  code: 'NI 154',
  title: 'Net additional homes',
  quarter: '2025/26 Q4',
  deadline: '30 April 2026',
  days: 8,
  escalationDays: 7,
  partnership: 'Wealden Housing Partnership',
  officer: 'Tom Reed',
  decidedBy: 'Sam Coordinator',
  reason: 'Figure < last quarter & no commentary',
  waiting: 2,
  overdue: [{ code: 'NI 154', title: 'Net additional homes', partnership: 'Wealden Housing Partnership', days: 8 }],
  newlyRed: [{ code: 'NI 15', title: 'Serious violent crime' }],
  link: 'https://scs.example.gov.uk/your-returns',
  chasingLink: 'https://scs.example.gov.uk/chasing',
  settingsLink: 'https://scs.example.gov.uk/email-settings',
};

describe('EmailTemplates (templates/email)', () => {
  const templates = new EmailTemplates();

  it.each(NOTIFICATION_KINDS.flatMap((kind) => (['en', 'cy'] as const).map((lang) => [kind, lang] as const)))('%s in %s: a subject, a text body and an HTML body, each with the link', async (kind, lang) => {
    const email = await templates.render(kind, lang, data);
    expect(email.subject).toMatch(/\S/);
    expect(email.subject).not.toMatch(/\n/);
    expect(email.text).toContain(data.link);
    expect(email.html).toContain(`href="${data.link}"`);
    expect(email.html).toMatch(new RegExp(`<html lang="${lang}">`));
    expect(email.text).not.toMatch(/<[a-z]/);
  });

  it('speaks Welsh in the Welsh templates', async () => {
    const [en, cy] = await Promise.all([templates.render('reminder', 'en', data), templates.render('reminder', 'cy', data)]);
    expect(en.text).toMatch(/^Dear Priya Shah,/);
    expect(cy.text).toMatch(/^Annwyl Priya Shah,/);
    expect(cy.subject).toMatch(/^Nodyn atgoffa/);
  });

  it('shows a typed reason as typed: escaped in HTML, untouched in text', async () => {
    const email = await templates.render('returned', 'en', data);
    expect(email.text).toContain('Figure < last quarter & no commentary');
    expect(email.html).toContain('Figure &lt; last quarter &amp; no commentary');
  });

  it('fails loudly when a template is given too little to fill it', async () => {
    await expect(templates.render('reminder', 'en', { name: 'x' })).rejects.toThrow();
  });
});
