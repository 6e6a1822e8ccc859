/**
 * 试卷预览: pick a paper (or arrive with `?paper=<id>` from the 组卷 tab), read it (`papers.get`, a
 * 调阅) and show its documents as pages built from the same data the .docx templates take — the
 * 理论知识试卷 and, as a separate set of pages, its 标准答案; the 技能考核试卷. The view shows secret
 * content, so it declares the bank's mark (banner and watermark) while a paper is on screen.
 */
import { Alert, Button, Card, Empty, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { setName } from '../../../../domain/format.js';
import { api, errorMessage } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { usePath, queryOf } from '../../app/router.js';
import { useSecretView } from '../../app/secrecy.js';
import { useUser } from '../../app/session.js';
import { headerOf, loadImages, markingPolicy, practicalData, theoryData, type Bank } from './paperData.js';
import { PaperSheets } from './PaperSheets.js';
import { practicalPaperBlocks } from './PracticalPages.js';
import { documentsText } from './text.js';
import { theoryAnswerBlocks, theoryPaperBlocks } from './TheoryPages.js';
import type { DocumentHeader, PracticalPaperData, TheoryPaperData } from '../../../../domain/submission/documents.js';

const t = documentsText.preview;

type Shown =
  | { readonly kind: 'theory'; readonly paper: TheoryPaperData; readonly answers: TheoryPaperData }
  | { readonly kind: 'practical'; readonly paper: PracticalPaperData }
  | { readonly kind: 'comprehensive' };

async function load(bank: Bank, paperId: number, roles: readonly string[]): Promise<Shown> {
  const paper = await api['papers.get']({ bankId: bank.id, paperId });
  if (paper.kind === 'comprehensive') return { kind: 'comprehensive' };
  const [notes, policy, images] = await Promise.all([api['documents.notes.get']({ bankId: bank.id }), markingPolicy(roles), loadImages(bank.id, paper)]);
  const header = (cls: Parameters<typeof headerOf>[2]): DocumentHeader => headerOf(bank, notes, cls, policy);
  if (paper.kind === 'practical') return { kind: 'practical', paper: practicalData(paper, header('practicalPaper'), images) };
  return { kind: 'theory', paper: theoryData(paper, header('theoryPaper'), notes, images), answers: theoryData(paper, header('answerKey'), notes, images) };
}

function Sheets(props: { shown: Shown }) {
  const s = props.shown;
  const paperBlocks = useMemo(() => (s.kind === 'theory' ? theoryPaperBlocks(s.paper) : s.kind === 'practical' ? practicalPaperBlocks(s.paper) : []), [s]);
  const answerBlocks = useMemo(() => (s.kind === 'theory' ? theoryAnswerBlocks(s.answers) : []), [s]);
  if (s.kind === 'comprehensive') return <Alert type="info" showIcon title={t.unsupported} />;
  const paper = <PaperSheets blocks={paperBlocks} mark={s.paper.header.mark} note={s.paper.header.sampleNote} footer={t.page} testId="paper-pages" />;
  if (s.kind === 'practical') return paper;
  return (
    <Tabs
      items={[
        { key: 'paper', label: t.paper, children: paper },
        {
          key: 'answers',
          label: <span data-testid="answers-tab">{t.answers}</span>,
          children: <PaperSheets blocks={answerBlocks} mark={s.answers.header.mark} note={s.answers.header.sampleNote} footer={t.page} testId="answer-pages" />,
        },
      ]}
    />
  );
}

export function PreviewCard(props: { bankId: number }) {
  const user = useUser();
  const path = usePath();
  const asked = Number(queryOf(path).get('paper') ?? '') || null;
  const banks = useLoad(() => api['banks.list']({}), []);
  const papers = useLoad(() => api['papers.list']({ bankId: props.bankId }), [props.bankId]);
  const bank = banks.data?.find((b) => b.id === props.bankId);
  const [chosen, setChosen] = useState<number | null>(asked);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useSecretView(shown && bank ? bank.secrecy.level : null);

  const open = async (paperId: number) => {
    if (!bank) return;
    setBusy(true);
    setError(null);
    setShown(null);
    try {
      setShown(await load(bank, paperId, user.roles));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Arriving from the 组卷 tab with ?paper=<id>: show it at once.
  useEffect(() => {
    if (asked !== null && bank) {
      setChosen(asked);
      void open(asked);
    }
  }, [asked, bank?.id]);

  const live = (papers.data ?? []).filter((p) => p.status !== '已作废');
  const options = live.map((p) => ({ value: p.id, label: t.option(documentsText.kinds[p.kind] ?? p.kind, setName(p.setLabel), p.status, p.runId) }));
  const failed = banks.error ?? papers.error;

  return (
    <Card size="small" title={t.title} data-testid="preview-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
        {failed && <Alert type="error" showIcon title={failed} />}
        {!papers.loading && live.length === 0 ? (
          <Empty description={t.none} />
        ) : (
          <Space>
            <Select<number> style={{ width: 380 }} placeholder={t.choose} value={chosen ?? undefined} onChange={setChosen} options={options} data-testid="preview-paper" />
            <Button type="primary" disabled={chosen === null || busy} onClick={() => chosen !== null && void open(chosen)} data-testid="preview">
              {t.show}
            </Button>
          </Space>
        )}
        {busy && <Spin />}
        {error && <Alert type="error" showIcon title={error} data-testid="preview-error" />}
        {shown && (
          <div style={{ background: '#e8e8e8', padding: 24 }}>
            <Sheets shown={shown} />
          </div>
        )}
      </Space>
    </Card>
  );
}
