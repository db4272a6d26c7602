/**
 * What `npm run demo` prints once the server answers: the web address first, then the logins, then
 * a first thing to try in the browser; the API (docs, a token, curl) comes last, for those who want it.
 */
function demoBanner({ base, result, accessToken, database }) {
  const viewer = result.users.find((u) => u.role === 'viewer');
  const officer = result.users.find((u) => u.email.startsWith('safer.wealden')) ?? result.users.find((u) => u.role === 'partnership-officer');
  const width = Math.max(...result.users.map((u) => u.email.length));
  const report = `${base}/api/v1/strategies/${result.strategyId}/reports/quarterly?period=${result.demoPeriod}`;
  return `
  Open ${base}/ in your browser: the SCS tracker demo is running there.
  Pride of Place, East Sussex: ${result.counts.partnerships} partnerships, ${result.counts.targets} targets, ${result.counts.updates} progress updates.

  Logins (password for all: ${viewer.password}):
${result.users.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`).join('\n')}

  Try: sign in as ${officer?.email ?? 'a partnership officer'}, open the return that was sent back,
  read the reason, correct the figure and submit it; then sign in as ${viewer.email} and find it awaiting approval.

  The API
    Docs         ${base}/api/docs
    Health       ${base}/api/health
    Strategy     ${result.strategyId}
    The board report for ${result.demoPeriod} (a board member's token, valid for 8 hours):
      curl -o board-pack.pdf -H "Authorization: Bearer ${accessToken}" \\
        "${report}"

  Press Ctrl-C to stop. The demo database is ${database}; \`npm run demo\` starts afresh.
`;
}

module.exports = { demoBanner };
