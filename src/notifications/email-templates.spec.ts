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
  returns: [{ code: 'NI 154', title: 'Net additional homes', partnership: 'Wealden Housing Partnership', officer: 'Tom Reed' }],
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

  it('escalates one return in a sentence, and several as one list, in both languages', async () => {
    const three = {
      ...data,
      returns: [
        { code: 'NI 154', title: 'Net additional homes', partnership: 'Wealden Housing Partnership', officer: 'Tom Reed' },
        { code: 'NI 155', title: 'Affordable homes', partnership: 'Wealden Housing Partnership', officer: 'Tom Reed' },
        { code: 'NI 15', title: 'Serious violent crime', partnership: 'Safer Wealden', officer: 'Ana Jones' },
      ],
    };
    const [one, many, cyOne, cyMany] = await Promise.all([
      templates.render('escalation', 'en', data),
      templates.render('escalation', 'en', three),
      templates.render('escalation', 'cy', data),
      templates.render('escalation', 'cy', three),
    ]);
    expect(one.subject).toBe('Escalation: NI 154 return for 2025/26 Q4 is 8 days overdue');
    expect(one.text).toContain('The 2025/26 Q4 return for NI 154 Net additional homes (Pride of Place) is 8 days overdue: it was due on 30 April 2026. Wealden Housing Partnership leads this target; the accountable officer, Tom Reed,');
    expect(many.subject).toBe('Escalation: 3 returns for 2025/26 Q4 are 8 days overdue');
    expect(many.text).toContain('These 3 returns for 2025/26 Q4 (Pride of Place) are 8 days overdue: they were due on 30 April 2026.');
    for (const r of three.returns) {
      expect(many.text).toContain(`- ${r.code} ${r.title}: led by ${r.partnership}, accountable officer ${r.officer}\n`);
      expect(many.html).toContain(`<li><strong>${r.code} ${r.title}</strong>: led by ${r.partnership}, accountable officer ${r.officer}</li>`);
    }
    expect(many.html).toContain('3 returns are 8 days overdue</h1>');
    expect(cyOne.subject).toBe('Uwchgyfeirio: mae ffurflen NI 154 ar gyfer 2025/26 Q4 8 diwrnod yn hwyr');
    expect(cyMany.subject).toBe('Uwchgyfeirio: mae 3 ffurflen ar gyfer 2025/26 Q4 8 diwrnod yn hwyr');
    expect(cyMany.text).toContain("Mae'r 3 ffurflen hyn ar gyfer 2025/26 Q4 (Pride of Place) 8 diwrnod yn hwyr");
    expect(cyMany.text).toContain("- NI 15 Serious violent crime: Safer Wealden sy'n arwain; y swyddog atebol yw Ana Jones\n");
    expect(cyMany.html).toMatch(/<html lang="cy">/);
  });

  it('fails loudly when a template is given too little to fill it', async () => {
    await expect(templates.render('reminder', 'en', { name: 'x' })).rejects.toThrow();
  });
});
