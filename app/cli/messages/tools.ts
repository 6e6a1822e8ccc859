/** Texts shared by the item writer's tools (import, search, lint, elements, templates). */
export const toolsText = {
  file: '文件',
  warning: (text: string) => `提示: ${text}`,
} as const;
