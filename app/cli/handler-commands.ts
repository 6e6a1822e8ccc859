/**
 * Which `qbank` command calls each handler of the registry (app/services/registry.ts): the CLI offers
 * every use case the program has. `test/integration/cli/handler-commands.test.ts` checks this table
 * against the registry both ways, against the command tree and `--help`, and that the command's files
 * name the handler. A handler may have several commands (`accounts disable` / `enable`); a command is
 * written as typed, options included where they pick the handler (`elements set --practical`).
 */
export const HANDLER_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  // The workstation and one's own session.
  'workstation.status': ['init'],
  'workstation.rekey': ['rekey'],
  'session.changePassword': ['passwd'],
  'session.whoami': ['whoami'],
  // Policies (安全保密管理员).
  'policy.get': ['policy show'],
  'policy.set': ['policy set'],
  'output.policy.get': ['policy output show'],
  'output.policy.set': ['policy output set'],
  'output.marking.get': ['policy marking show'],
  'output.marking.set': ['policy marking set'],
  // Accounts, people, bank access.
  'accounts.list': ['accounts list'],
  'accounts.create': ['accounts create'],
  'accounts.resetPassword': ['accounts reset-password'],
  'accounts.setDisabled': ['accounts disable', 'accounts enable'],
  'accounts.grantRoles': ['accounts grant'],
  'accounts.revokeRole': ['accounts revoke'],
  'accounts.unlock': ['accounts unlock'],
  'accounts.linkPerson': ['accounts link'],
  'people.list': ['people list'],
  'people.add': ['people add'],
  'people.update': ['people update'],
  'people.registerPledge': ['people pledge'],
  'people.exportRegister': ['people export'],
  'access.grant': ['access grant'],
  'access.revoke': ['access revoke'],
  'access.list': ['access list'],
  // Reference data.
  'occupations.search': ['occupations'],
  'occupations.get': ['occupations show'],
  // Banks, 细目表 and 内容结构表, templates.
  'banks.create': ['banks create'],
  'banks.list': ['banks list'],
  'banks.summary': ['banks summary'],
  'banks.setElementTable': ['elements set'],
  'banks.setPracticalStructure': ['elements set --practical'],
  'banks.importElementTable': ['elements import'],
  'banks.importPracticalStructure': ['elements import --practical'],
  'banks.exportElementTables': ['elements export'],
  'templates.elements': ['template elements'],
  'templates.structure': ['template structure'],
  'templates.items': ['template items'],
  // Items.
  'items.list': ['items list'],
  'items.get': ['items show'],
  'items.history': ['items history'],
  'items.diff': ['items diff'],
  'items.transition': ['items submit', 'items approve', 'items reject', 'items accept', 'items retire', 'items restore'],
  'items.transitionMany': ['items submit', 'items approve', 'items reject', 'items accept', 'items retire', 'items restore'],
  'items.bind': ['items bind'],
  'items.suggest': ['items suggest'],
  'items.save': ['items edit'],
  'items.patch': ['items edit'],
  'items.addTheory': ['items add'],
  'items.addPractical': ['items add'],
  'items.addComprehensive': ['items add'],
  'items.exportXlsx': ['items export'],
  'images.put': ['images put'],
  'images.get': ['images show'],
  'images.export': ['images export'],
  'import.items': ['import'],
  'items.search': ['search'],
  'duplicates.find': ['duplicates'],
  'lint.item': ['lint --item'],
  'lint.bank': ['lint'],
  'coverage.get': ['coverage'],
  // Assembly and papers.
  'assembly.structure.get': ['papers structure'],
  'assembly.structure.set': ['papers structure --preset'],
  'assembly.blueprint': ['assemble --dry-run'],
  'assembly.run': ['assemble'],
  'assembly.statistics.import': ['papers stats-import'],
  'papers.list': ['papers list'],
  'papers.get': ['papers show'],
  'papers.approve': ['papers approve'],
  'papers.void': ['papers void'],
  // The submission.
  'documents.notes.get': ['documents notes'],
  'documents.notes.set': ['documents notes --file'],
  'documents.generate': ['documents generate'],
  // Audit (安全审计员).
  'audit.verify': ['audit verify'],
  'audit.checkpoint': ['audit checkpoint'],
  'audit.export': ['audit export'],
  'audit.list': ['audit list'],
  // The dashboard (工作台).
  'overview.banks': ['overview banks'],
  'overview.duties': ['overview duties'],
};
