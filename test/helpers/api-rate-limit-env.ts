// Imported first by a test file whose app limits every API route (RATE_LIMIT_PER_MINUTE, off by
// default): the configuration is read once, when the app module is first loaded.
Object.assign(process.env, { RATE_LIMIT_PER_MINUTE: '5' });
