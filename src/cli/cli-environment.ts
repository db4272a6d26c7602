// Imported first by the command line, before the configuration is read: a command renders at
// most one report, so warming the renderer up first would only double the work.
process.env.REPORT_WARM_UP ??= 'false';
// A command runs once and exits: the reminder scheduler's timer or queue worker has no place in it
// (`npm run reminders` runs one pass itself).
process.env.REMINDERS_SCHEDULER = 'false';
// A command that makes a pack has nothing else to answer meanwhile: it draws on its own thread
// rather than start a render thread that loads pdfkit and the fonts again (bench/report-fresh.ts).
// REPORT_RENDER_MODE=local or queue in the environment still choose those.
process.env.REPORT_RENDER_MODE ??= 'inline';
