import type { notificationsEn } from './notifications.en';

/** Geiriau Cymraeg tudalennau'r e-byst (the Welsh words of the email pages). */
export const notificationsCy: typeof notificationsEn = {
  emailSettings: {
    nav: 'Gosodiadau e-bost',
    title: 'Gosodiadau e-bost',
    legend: 'Pa e-byst ydych chi eu heisiau?',
    reminders: 'Nodiadau atgoffa a hysbysiadau am ffurflenni',
    remindersHint: "Nodiadau atgoffa cyn bod ffurflen i mewn, hysbysiadau pan fydd yn hwyr, wedi'i hanfon yn ôl neu wedi'i chymeradwyo, a'r crynodeb wythnosol i gydlynwyr.",
    escalations: "Bydd cydlynwyr bob amser yn cael gwybod am ffurflenni sy'n hwyr iawn, beth bynnag yw'r gosodiad hwn.",
    button: 'Cadw gosodiadau',
    savedOn: 'Byddwch yn cael nodiadau atgoffa a hysbysiadau drwy e-bost',
    savedOff: 'Ni fyddwch yn cael nodiadau atgoffa na hysbysiadau drwy e-bost',
    errors: { invalid: "Dewiswch a ydych eisiau nodiadau atgoffa a hysbysiadau" },
  },
  outbox: {
    nav: 'Blwch e-byst allan',
    title: 'Blwch e-byst allan',
    intro: "Pob nodyn atgoffa, hysbysiad a chrynodeb y mae'r gwasanaeth wedi'i anfon neu'n ceisio ei anfon. Rhoddir cynnig arall ar e-bost a fethodd 5 gwaith, gan aros yn hirach bob tro.",
    filterLabel: 'Dangos',
    all: 'Y cyfan',
    none: 'Dim e-byst yma.',
    kind: 'E-bost',
    recipient: 'At',
    period: 'Chwarter neu wythnos',
    status: 'Statws',
    attempts: 'Cynigion',
    lastError: 'Gwall olaf',
    nextAttempt: 'Cynnig nesaf',
    gaveUp: 'Dim rhagor o gynigion',
    previous: 'Blaenorol',
    next: 'Nesaf',
    statuses: { pending: 'Yn aros', sent: 'Anfonwyd', failed: 'Methodd' },
    kinds: { reminder: 'Nodyn atgoffa', overdue: 'Hysbysiad hwyr', escalation: 'Uwchgyfeirio', returned: 'Anfonwyd yn ôl', approved: 'Cymeradwywyd', digest: 'Crynodeb wythnosol' },
  },
};
