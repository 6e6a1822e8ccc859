/**
 * The free-text parts of the 编制说明 and the 内部审核意见 (documents.notes.get/set): institution,
 * definition, the standard and its year, other basis, process, 保密措施, and the review's checklist,
 * conclusion, opinion, leader and round. The service checks them as a whole; its Chinese message
 * (naming the field) is shown as it is. Text areas have fixed rows: antd's autoSize measures with a
 * hidden textarea styled by a style attribute, which the CSP refuses.
 */
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REVIEW_CONCLUSIONS, REVIEW_RESULTS, type SubmissionNotes } from '../../../../domain/submission/notes.js';
import { api, errorMessage } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { documentsText } from './text.js';

const t = documentsText.notes;
const f = t.fields;

const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v === '' ? t.byHand : v }));

function Text(props: { name: keyof SubmissionNotes; rows?: number; placeholder?: string }) {
  return (
    <Form.Item name={props.name} label={f[props.name]}>
      {props.rows ? (
        <Input.TextArea rows={props.rows} placeholder={props.placeholder} data-testid={`note-${props.name}`} />
      ) : (
        <Input placeholder={props.placeholder} data-testid={`note-${props.name}`} />
      )}
    </Form.Item>
  );
}

export function NotesEditor(props: { bankId: number }) {
  const loaded = useLoad(() => api['documents.notes.get']({ bankId: props.bankId }), [props.bankId]);
  const [form] = Form.useForm<SubmissionNotes>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (loaded.data) form.setFieldsValue(loaded.data);
  }, [loaded.data, form]);

  const save = async (values: SubmissionNotes) => {
    setBusy(true);
    setResult(null);
    try {
      form.setFieldsValue(await api['documents.notes.set']({ bankId: props.bankId, notes: { ...values } }));
      setResult({ ok: true, text: t.saved });
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />;
  return (
    <Card size="small" title={t.title} loading={loaded.loading && !loaded.data} data-testid="notes-card">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Text name="institution" />
            <Text name="definition" rows={3} />
            <Row gutter={8}>
              <Col span={16}>
                <Text name="standard" placeholder={t.placeholders.standard} />
              </Col>
              <Col span={8}>
                <Text name="standardYear" placeholder={t.placeholders.standardYear} />
              </Col>
            </Row>
            <Text name="otherBasis" rows={2} />
            <Text name="process" rows={4} placeholder={t.placeholders.process} />
            <Text name="secrecyMeasures" rows={4} />
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Text strong>{f.reviewChecklist}</Typography.Text>
            <Form.List name="reviewChecklist">
              {(fields) =>
                fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[field.name, 'item']} noStyle>
                      <Input.TextArea rows={2} style={{ width: 360 }} aria-label={t.checkItem} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'result']} noStyle>
                      <Select style={{ width: 170 }} options={choices(REVIEW_RESULTS)} aria-label={t.checkResult} data-testid={`check-result-${field.name}`} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
            <Row gutter={8} style={{ marginTop: 16 }}>
              <Col span={10}>
                <Form.Item name="reviewConclusion" label={f.reviewConclusion}>
                  <Select options={choices(REVIEW_CONCLUSIONS)} data-testid="note-reviewConclusion" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Text name="reviewLeader" />
              </Col>
              <Col span={6}>
                <Form.Item name="reviewRound" label={f.reviewRound}>
                  <InputNumber min={1} max={99} data-testid="note-reviewRound" />
                </Form.Item>
              </Col>
            </Row>
            <Text name="reviewOpinion" rows={4} />
          </Col>
        </Row>
        {result && <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.text} style={{ marginBottom: 12 }} data-testid={result.ok ? 'notes-saved' : 'notes-error'} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="notes-save">
          {t.save}
        </Button>
      </Form>
    </Card>
  );
}
