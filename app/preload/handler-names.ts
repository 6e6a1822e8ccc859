/**
 * The channel names the preload bridge exposes: exactly the handler names of app/services/registry.ts.
 * A test keeps this list equal to the registry (the preload cannot import the services at run time).
 */
export const HANDLER_NAMES = [
  'workstation.status',
  'occupations.search',
  'occupations.get',
  'banks.create',
  'banks.list',
  'banks.setElementTable',
  'banks.setPracticalStructure',
  'banks.summary',
  'items.addTheory',
  'items.addPractical',
  'items.addComprehensive',
] as const;
