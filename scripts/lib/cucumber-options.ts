// The cucumber-js options the runner passes through, and the ones it refuses because they would make
// the verdict lie: a run that executes nothing (--dry-run), a failure that becomes a pass on a second
// try (--retry), a run cut short that leaves scenarios unjudged (--fail-fast), pending steps that no
// longer fail (--no-strict), a replaced message formatter or configuration the verdict is read from
// (--format, --format-options, --config, --profile), and extra code loaded next to the step
// definitions that could redefine or short-circuit them (--import, --require, --require-module,
// --loader, --plugin, --plugin-options, --world-parameters).
//
// Allowed: selection (--tags, --name, --shard, feature paths: a partial run, judged as one),
// --parallel, --order, --exit, --backtrace, --language, --strict (already on), --publish.

const REFUSED: Record<string, string> = {
  '--dry-run': 'en tørrkjøring utfører ingen steg, så ingenting blir testet',
  '--retry': 'et scenario som feiler og så består ved nytt forsøk, ville blitt regnet som bestått',
  '--retry-tag-filter': 'et scenario som feiler og så består ved nytt forsøk, ville blitt regnet som bestått',
  '--fail-fast': 'kjøringen ville stoppet ved første feil og latt resten av scenariene være uprøvd',
  '--no-strict': 'ventende (pending) og udefinerte steg ville ikke lenger gi feil',
  '--format': 'runneren leser dommen fra sine egne formattere (meldinger, JUnit, Allure); de kan ikke byttes eller legges til',
  '--format-options': 'runneren leser dommen fra sine egne formattere; valgene deres kan ikke endres',
  '--config': 'konfigurasjonen (strict, retry 0, formattere) er en del av dommen og kan ikke byttes',
  '--profile': 'konfigurasjonen (strict, retry 0, formattere) er en del av dommen og kan ikke byttes',
  '--import': 'ekstra kode ved siden av stegdefinisjonene kunne endret hva stegene gjør',
  '--require': 'ekstra kode ved siden av stegdefinisjonene kunne endret hva stegene gjør',
  '--require-module': 'ekstra kode ved siden av stegdefinisjonene kunne endret hva stegene gjør',
  '--loader': 'ekstra kode ved siden av stegdefinisjonene kunne endret hva stegene gjør',
  '--plugin': 'et tillegg kunne endret kjøringen eller meldingene dommen leses fra',
  '--plugin-options': 'et tillegg kunne endret kjøringen eller meldingene dommen leses fra',
  '--world-parameters': 'verdenens parametere kommer fra målprofilen, ikke fra kommandolinjen',
};

const SHORT: Record<string, string> = { d: '--dry-run', f: '--format', c: '--config', p: '--profile', i: '--import', r: '--require', l: '--loader', t: '--tags', b: '--backtrace', v: '--version', h: '--help' };

/** Options that take a value (the next argument, or `=value`), so their value is never read as an option. */
const VALUED = new Set([
  '--config', '--format', '--format-options', '--i18n-keywords', '--import', '--loader', '--language', '--name', '--order',
  '--profile', '--parallel', '--plugin', '--plugin-options', '--require', '--require-module', '--retry', '--retry-tag-filter',
  '--shard', '--tags', '--world-parameters',
]);

/** The first refused option in `args` (cucumber-js arguments), with why, or undefined when all may pass. */
export function refusedOption(args: string[]): { option: string; why: string } | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const name = arg.split('=')[0]!;
      if (REFUSED[name]) return { option: arg, why: REFUSED[name] };
      if (VALUED.has(name) && !arg.includes('=')) i++;
    } else if (/^-[A-Za-z]/.test(arg)) {
      // Short flags may be combined (-bd); a value-taking one ends the group (-tfoo is -t foo).
      for (const letter of arg.slice(1)) {
        const long = SHORT[letter];
        if (!long) break;
        if (REFUSED[long]) return { option: arg, why: REFUSED[long] };
        if (VALUED.has(long)) {
          if (arg.length === 2) i++;
          break;
        }
      }
    }
  }
  return undefined;
}
