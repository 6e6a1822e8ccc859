/**
 * The 安全审计员's screen: verify the log and sign checkpoints, export the registers to a folder, and
 * read the log filtered by actor, action, object and time. After a verification, checkpoint or export
 * the viewer reloads (those calls are rows of the log too).
 */
import { Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { ExportCard } from './ExportCard.js';
import { LogViewer } from './LogViewer.js';
import { auditText } from './text.js';
import { VerifyCard } from './VerifyCard.js';

export function AuditPage() {
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((k) => k + 1);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {auditText.title}
      </Typography.Title>
      <Typography.Text type="secondary">{auditText.intro}</Typography.Text>
      <Flex gap="middle" align="start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <VerifyCard onDone={refresh} />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <ExportCard onDone={refresh} />
        </div>
      </Flex>
      <LogViewer refreshKey={refreshKey} />
    </Space>
  );
}
