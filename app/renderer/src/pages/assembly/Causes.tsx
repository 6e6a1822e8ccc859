/** A list of Chinese causes (infeasible run, pre-check findings), each node code a link to its items. */
import { Alert, Typography } from 'antd';
import type { PaperKind } from '../../../../domain/paper.js';
import { Link } from '../../app/router.js';
import { causeParts, nodeLink } from './causes.js';

export function CauseText(props: { bankId: number; kind: PaperKind; cause: string }) {
  return (
    <>
      {causeParts(props.cause).map((part, i) =>
        'code' in part ? (
          <Link key={i} to={nodeLink(props.bankId, props.kind, part.code)} testId={`node-link-${part.code}`}>
            {part.text}
          </Link>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function CauseList(props: { bankId: number; kind: PaperKind; causes: readonly string[]; testId: string }) {
  return (
    <ol data-testid={props.testId} style={{ margin: 0, paddingLeft: 20 }}>
      {props.causes.map((cause, i) => (
        <li key={i}>
          <Typography.Text>
            <CauseText bankId={props.bankId} kind={props.kind} cause={cause} />
          </Typography.Text>
        </li>
      ))}
    </ol>
  );
}

/** An infeasible run: its heading (无法组卷 / 未能组卷), the causes with links, and the hint. */
export function InfeasibleAlert(props: { bankId: number; kind: PaperKind; heading: string; causes: readonly string[]; hint: string }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="infeasible"
      title={props.heading}
      description={
        <>
          <CauseList bankId={props.bankId} kind={props.kind} causes={props.causes} testId="infeasible-causes" />
          <Typography.Text type="secondary">{props.hint}</Typography.Text>
        </>
      }
    />
  );
}
