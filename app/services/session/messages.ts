/** User-facing texts of login, logout and password change, and what the 登录 register says of them (zh-CN). */

export const sessionMessages = {
  restrictionNotes: { mustChangePassword: '首次登录，须修改口令', passwordExpired: '口令已过期，须修改口令' },
  /** The same message for an unknown user and a wrong password (no user enumeration). */
  badCredentials: '用户名或口令不正确',
  unknownUser: '用户名不存在',
  disabled: '账号已停用',
  disabledMessage: '账号已停用，请联系系统管理员',
  unlockByAdmin: '由安全保密管理员解锁',
  lockedUntil: (until: string) => `至 ${until} 或由安全保密管理员解锁`,
  locked: '账号已锁定',
  lockedMessage: (maxFailures: number, until: string) => `账号已锁定（连续 ${maxFailures} 次口令错误），${until}`,
  failuresInARow: (failures: number) => `连续 ${failures} 次口令错误`,
  wrongPasswordLocked: '口令错误，账号已锁定',
  wrongPasswordLockedMessage: (badCredentials: string, failures: number) => `${badCredentials}；已连续 ${failures} 次错误，账号已锁定`,
  wrongPassword: (failures: number, maxFailures: number) => `口令错误（第 ${failures} 次，上限 ${maxFailures} 次）`,
  keyUnopenable: '口令正确，但账号签名密钥无法打开',
  keyUnopenableMessage: '账号签名密钥与口令不符（可能被改动），请联系系统管理员重置口令并报告安全审计员',
  keyIssuedAtLogin: '旧账号首次登录，生成审计签名密钥',
  loginRequired: '只有登录的账号才能修改口令',
  noAccount: '账号不存在',
  wrongCurrentPassword: '当前口令不正确',
  weakPassword: (problems: string) => `新口令不符合安全策略：${problems}`,
  reusedPassword: (history: number) => `新口令不能与最近 ${history} 次使用过的口令相同`,
} as const;
