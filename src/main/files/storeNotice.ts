/**
 * What the user is told at start when the settings file (settings, profiles, encrypted secrets) was
 * damaged: what happened, what was recovered, what to re-enter, and where the damaged file was kept.
 */
import type { JsonFileStoreOpening } from '../keyValueStore';

export function settingsFileNotices(opening: JsonFileStoreOpening | undefined): string[] {
  if (!opening?.recovered) return [];
  const { profiles, profilesNeedingSecret } = opening.recovered;
  const kept =
    profiles === 0
      ? '其中的凭证配置未能恢复，请在「设置」中重新添加。'
      : `已恢复 ${profiles} 个凭证配置${
          profilesNeedingSecret > 0
            ? `，其中 ${profilesNeedingSecret} 个的 appsecret 已丢失，请在「设置」中重新输入凭证`
            : ''
        }；无法读出的设置已恢复为默认值，请在「设置」中核对。`;
  if (opening.readOnly)
    return [
      `设置文件已损坏且无法移走（${opening.file ?? '设置文件'}），程序已照常启动。${kept}为免覆盖原文件，本次对设置的修改不会保存；请检查磁盘后重启程序。`,
    ];
  return [
    `设置文件已损坏（可能是磁盘曾写满或文件被改动），程序已照常启动。损坏的文件已另存为 ${opening.corruptFileMovedTo ?? ''}。${kept}`,
  ];
}
