// Imported first by a test file whose app runs the reminder scheduler itself (off under NODE_ENV=test
// otherwise): the configuration is read once, when the app module is first loaded. A day between
// runs, so only the runs the test asks for happen.
Object.assign(process.env, { REMINDERS_SCHEDULER: 'true', REMINDERS_EVERY_MINUTES: '1440' });
