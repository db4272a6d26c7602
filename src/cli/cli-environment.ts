// Imported first by the command line, before the configuration is read: a command renders at
// most one report, so warming the renderer up first would only double the work.
process.env.REPORT_WARM_UP ??= 'false';
// A command runs once and exits: the reminder scheduler's timer or queue worker has no place in it
// (`npm run reminders` runs one pass itself).
process.env.REMINDERS_SCHEDULER = 'false';
