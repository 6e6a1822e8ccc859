/**
 * 审核 of one bank (附件6 三(五), issue [F]): the internal review by a panel of experts, in five views
 * chosen with a segmented control and kept in the route's query (`?view=workspace`): 审核组 (the
 * manager composes the panel), 审核工作台 (each expert judges every item), 意见答复 (authors answer),
 * 签署 (scan, manifest, digital signatures) and 报送记录 (submissions to the province). Each view is
 * offered to the roles whose calls it makes.
 */
import { Segmented, Space } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { navigate, queryOf, usePath } from '../../app/router.js';
import { useUser } from '../../app/session.js';
import { FeedbackTab } from './FeedbackTab.js';
import { viewsFor, type ReviewView } from './model.js';
import { PanelTab } from './PanelTab.js';
import { SignOffTab } from './SignOffTab.js';
import { SubmissionsTab } from './SubmissionsTab.js';
import { reviewText } from './text.js';
import { WorkspaceTab } from './WorkspaceTab.js';

export function ReviewTab(props: { bankId: number }) {
  const { bankId } = props;
  const user = useUser();
  const path = usePath();
  const banks = useLoad(() => api['banks.list']({}), []);
  const bank = banks.data?.find((b) => b.id === bankId);
  const mark = bank?.secrecy.level ?? null;
  const { views, start } = viewsFor(user.roles);
  const asked = queryOf(path).get('view');
  const view: ReviewView = views.find((v) => v === asked) ?? start;

  const content: Record<ReviewView, () => ReactNode> = {
    panel: () => <PanelTab bankId={bankId} />,
    workspace: () => <WorkspaceTab bankId={bankId} mark={mark} />,
    feedback: () => <FeedbackTab bankId={bankId} mark={mark} roles={user.roles} />,
    signoff: () => <SignOffTab bankId={bankId} roles={user.roles} />,
    submissions: () => <SubmissionsTab bankId={bankId} bank={bank} />,
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="review-tab">
      <Segmented
        data-testid="review-views"
        value={view}
        onChange={(v) => navigate(`/banks/${bankId}/review?view=${String(v)}`)}
        options={views.map((v) => ({ value: v, label: <span data-testid={`review-view-${v}`}>{reviewText.views[v]}</span> }))}
      />
      <div key={view}>{content[view]()}</div>
    </Space>
  );
}
