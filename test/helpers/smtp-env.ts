// Imported first by a test file that sends email: the configuration is read once, when the app
// module is first loaded, so SMTP_URL is set before. A random high port per test file, so files
// running side by side (and both engines' projects) each have their own sink.
const port = 20_000 + Math.floor(Math.random() * 40_000);
Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'SCS tracker <reminders@scs.test>', PUBLIC_URL: 'https://scs.example.gov.uk' });
