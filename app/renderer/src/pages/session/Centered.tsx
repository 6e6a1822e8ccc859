/** The frame of the screens before login: product name, a card, the air-gap reminder. */
import { Card, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { shellText } from '../../app/text.js';

export function Centered(props: { title: string; children: ReactNode; width?: number }) {
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Typography.Title level={2} style={{ marginBottom: 8 }}>
        {shellText.productFull}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {shellText.airGap}
      </Typography.Text>
      <Card title={props.title} style={{ width: props.width ?? 480 }}>
        {props.children}
      </Card>
    </Layout>
  );
}
