// The PostgreSQL e2e pass: the web stylesheet, then whether PostgreSQL answers.
module.exports = require('./e2e-global-setup').withPostgres;
