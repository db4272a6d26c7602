// The browser tests sign in a dozen times a minute from 127.0.0.1; the login limit itself is
// tested in web.e2e-spec.ts. Set before AppModule is loaded, as the configuration is read then.
process.env.LOGIN_ATTEMPTS_PER_MINUTE = '1000';
