// Imported before the application, which reads its settings once, when its modules load: the
// fuzz test sends hundreds of malformed logins, and each should reach validation, not the
// rate limit (which has its own tests).
process.env.LOGIN_ATTEMPTS_PER_MINUTE = '100000';
