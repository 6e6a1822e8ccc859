/**
 * One occupation of the catalog (occupations.get): its tracks and the levels each offers, the banks
 * of it one may open, and the form that creates a new bank for it.
 */
import { Alert, Card, Descriptions, List, Skeleton, Tag } from 'antd';
import { bankTitle } from '../../../../domain/bank.js';
import { levelsOffered } from '../../../../domain/occupation.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { levelsText, type Occupation } from './occupation.js';
import { CreateBankForm } from './CreateBankForm.js';
import { catalogText } from './text.js';

const t = catalogText.detail;

function levelsOfTracks(o: Occupation): string {
  if (o.tracks.length === 0) return levelsText(o.levels) ?? t.levelsAll;
  return o.tracks.map((tr) => t.levelsOfTrack(tr.name, levelsText(levelsOffered(o, tr.name)) ?? t.levelsAll)).join('；');
}

function descriptionItems(o: Occupation) {
  return [
    ...(o.alias ? [{ key: 'alias', label: t.alias, children: o.alias }] : []),
    {
      key: 'tracks',
      label: t.tracks,
      children: o.tracks.length === 0 ? t.noTracks : o.tracks.map((tr) => <Tag key={tr.name}>{`${tr.name}（${tr.kind}）`}</Tag>),
    },
    { key: 'levels', label: t.levels, children: <span data-testid="occupation-levels">{levelsOfTracks(o)}</span> },
    ...(o.categories.length > 0 ? [{ key: 'categories', label: t.categories, children: o.categories.join('、') }] : []),
    ...(o.edition ? [{ key: 'edition', label: t.edition, children: o.edition }] : []),
    ...(o.note ? [{ key: 'note', label: t.note, children: o.note }] : []),
  ];
}

/** The banks of this occupation among those the user may see (none when the user may list no banks). */
function OccupationBanks(props: { code: string }) {
  const banks = useLoad(() => api['banks.list']({}).catch(() => []), []);
  const mine = (banks.data ?? []).filter((b) => b.occupationCode === props.code);
  return (
    <Card size="small" title={catalogText.banks.title} loading={banks.loading}>
      <List
        data-testid="occupation-banks"
        size="small"
        dataSource={mine}
        locale={{ emptyText: catalogText.banks.none }}
        renderItem={(b) => (
          <List.Item
            actions={[
              <Link key="open" to={`/banks/${b.id}/elements`} testId={`bank-${b.id}`}>
                {catalogText.banks.open}
              </Link>,
            ]}
          >
            {b.name}（{bankTitle(b)}）
          </List.Item>
        )}
      />
    </Card>
  );
}

export function OccupationDetail(props: { code: string }) {
  const found = useLoad(() => api['occupations.get']({ code: props.code }), [props.code]);
  if (found.loading && !found.data) return <Skeleton active />;
  if (found.error) return <Alert type="error" showIcon title={found.error} />;
  const o = found.data;
  if (!o) return <Alert type="warning" showIcon title={t.notFound(props.code)} />;
  return (
    <Card title={<span data-testid="occupation-title">{t.title(o.name, o.code)}</span>}>
      <Descriptions size="small" column={1} bordered items={descriptionItems(o)} style={{ marginBottom: 16 }} />
      <OccupationBanks code={o.code} />
      <CreateBankForm occupation={o} />
    </Card>
  );
}
