// Access packages by the names a product owner reads: Altinn's Norwegian display names in the access
// package catalogue (docs/contracts/access-package-names.md), mapped to the package codes the platform
// speaks (the code is the URN's last segment, urn:altinn:accesspackage:<code>). The feature text names
// a package by its display name; the code and the URN appear only in the evidence.

/** Display name → package code. */
export const ACCESS_PACKAGE_NAMES: Readonly<Record<string, string>> = {
  'Regnskapsfører med signeringsrettighet': 'regnskapsforer-med-signeringsrettighet',
  'Regnskapsfører uten signeringsrettighet': 'regnskapsforer-uten-signeringsrettighet',
  'Regnskapsfører lønn': 'regnskapsforer-lonn',
  Merverdiavgift: 'merverdiavgift',
  'Regnskap og økonomirapportering': 'regnskap-okonomi-rapport',
  // Not in Altinn's catalogue: the suite's name for a package that does not exist (a 404 and a
  // registration refused, features/00-forutsetninger).
  'Finnes ikke': 'samsvar-finnes-ikke',
};

/** The package code of a display name; an unknown name is an error that lists the valid names. */
export function accessPackageCode(name: string): string {
  const code = ACCESS_PACKAGE_NAMES[name];
  if (code === undefined) {
    const valid = Object.keys(ACCESS_PACKAGE_NAMES).map((n) => `"${n}"`).join(', ');
    throw new Error(`Ukjent tilgangspakke "${name}". Gyldige navn (Altinns visningsnavn): ${valid}.`);
  }
  return code;
}

/** The display name of a package code (for text a reader sees); the code itself when it has none. */
export function accessPackageName(code: string): string {
  return Object.entries(ACCESS_PACKAGE_NAMES).find(([, c]) => c === code)?.[0] ?? code;
}
