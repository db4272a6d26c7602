// Imported first by a test file that starts the app with no ADMIN_EMAIL/ADMIN_PASSWORD: the
// configuration is read once, when the app module is first loaded, so they are removed before.
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;
