// cucumber-js configuration. `npm run conformance` (scripts/samsvar.ts) is the way to run it: the
// runner loads and validates the target profile, starts the reference implementation when the
// profile asks for it, passes the capability tag filter, then builds the reports. Running
// cucumber-js directly works against a target that is already up (SAMSVAR_TARGET, SAMSVAR_REFERENCE_URL).

const reports = process.env.SAMSVAR_REPORTS_DIR ?? 'reports';

/** Allure environment (suite version, profile, Node, Chromium): the runner passes it as JSON. */
function environmentInfo() {
  try {
    return JSON.parse(process.env.SAMSVAR_ENVIRONMENT_INFO ?? '{}');
  } catch {
    return {};
  }
}

export default {
  import: ['support/tsx-register.mjs', 'support/**/*.ts', 'steps/**/*.ts'],
  language: 'no',
  strict: true,
  retry: 0,
  format: [
    'progress',
    ['allure-cucumberjs/reporter', `${reports}/allure.log`],
    ['message', `${reports}/cucumber-messages.ndjson`],
    ['junit', `${reports}/junit.xml`],
  ],
  formatOptions: {
    resultsDir: `${reports}/allure-results`,
    labels: [
      { pattern: [/@krav:(.*)/], name: 'krav' },
      { pattern: [/@scenario:(.*)/], name: 'story' },
      { pattern: [/@kapabilitet:(.*)/], name: 'kapabilitet' },
    ],
    environmentInfo: environmentInfo(),
    categories: [
      {
        name: 'Avvik fra spesifikasjonen (målet svarte feil)',
        matchedStatuses: ['failed'],
      },
      {
        name: 'Oppsett eller testmiljø (ikke et avvik hos målet)',
        matchedStatuses: ['broken'],
      },
    ],
    junit: { suiteName: 'samsvar' },
  },
};
