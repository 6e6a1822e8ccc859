/**
 * 申报材料 of one bank: the free-text parts of the 编制说明 and 内部审核意见, generating the whole
 * submission into a folder (progress, 取消, the gaps, the files in 附件6 order), and a page preview
 * of each paper.
 */
import { Space } from 'antd';
import { GenerateCard } from './GenerateCard.js';
import { NotesEditor } from './NotesEditor.js';
import { PreviewCard } from './PreviewCard.js';

export function DocumentsTab(props: { bankId: number }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="documents-tab">
      <NotesEditor bankId={props.bankId} />
      <GenerateCard bankId={props.bankId} />
      <PreviewCard bankId={props.bankId} />
    </Space>
  );
}
