import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useRouter } from '../app/router';
import { routePath } from '../app/routes';
import { useTitle } from '../app/use-title';
import { t } from '../i18n';
import { ErrorSummary, errorText } from '../ui/field';
import { readHierarchy, type Hierarchy } from './hierarchy-api';
import { buildTree, treeKey, type TreeKey, type TreeNode } from './tree-model';
import { StepLink } from './step-link';
import './hierarchy.css';

const treeKeys = new Set<string>(['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End']);

/** Every journey that opens beneath another, so the whole tree starts open. */
const withChildren = (nodes: readonly TreeNode[]): string[] =>
  nodes.flatMap((n) => (n.children.length > 0 ? [n.journeyId, ...withChildren(n.children)] : []));

/**
 * The workspace's journeys as a navigable tree (issue 14, item 1): a whole-problem journey above the service
 * journeys its steps open. A WAI-ARIA tree of links (APG "navigation treeview"): one tab stop, arrow keys move,
 * Enter opens the journey.
 */
export function TreePage({ ws }: { ws: string }) {
  useTitle(t('hierarchy.tree.heading'));
  const { navigate } = useRouter();
  const [data, setData] = useState<Hierarchy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLAnchorElement>());
  const moved = useRef(false);

  useEffect(() => {
    readHierarchy(ws)
      .then((h) => {
        setData(h);
        const forest = buildTree(h);
        setExpanded(new Set(withChildren(forest)));
        setFocused(forest[0]?.journeyId ?? null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws]);
  const forest = useMemo(() => (data ? buildTree(data) : []), [data]);
  useEffect(() => {
    if (moved.current && focused) items.current.get(focused)?.focus();
    moved.current = false;
  }, [focused, expanded]);

  const onKey = (event: KeyboardEvent<HTMLAnchorElement>, node: TreeNode) => {
    if (!treeKeys.has(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    const next = treeKey(forest, expanded, node.journeyId, event.key as TreeKey);
    moved.current = true;
    setExpanded(next.expanded);
    setFocused(next.focused);
  };

  const renderNodes = (nodes: readonly TreeNode[]) =>
    nodes.map((node, i) => {
      const open = expanded.has(node.journeyId);
      const to = { page: 'editor', ws, id: node.journeyId } as const;
      return (
        <li role="none" key={node.journeyId}>
          <div className="tree__row">
            {node.children.length > 0 ? (
              <span className="tree__toggle" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
            ) : (
              <span className="tree__toggle" aria-hidden="true" />
            )}
            <a
              role="treeitem"
              href={routePath(to)}
              className="tree__item"
              aria-level={node.level}
              aria-setsize={nodes.length}
              aria-posinset={i + 1}
              aria-expanded={node.children.length > 0 ? open : undefined}
              tabIndex={focused === node.journeyId ? 0 : -1}
              ref={(el) => {
                if (el) items.current.set(node.journeyId, el);
                else items.current.delete(node.journeyId);
              }}
              onFocus={() => setFocused(node.journeyId)}
              onKeyDown={(e) => onKey(e, node)}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
                e.preventDefault();
                navigate(to);
              }}
            >
              <span className="tree__title">{node.title}</span>
              {node.fromStep ? (
                <span className="tree__step">{t('hierarchy.tree.fromStep', { step: node.fromStep })}</span>
              ) : null}
              {node.children.length > 0 ? (
                <span className="tree__count">
                  {t('hierarchy.tree.opens', { count: node.children.length })}
                </span>
              ) : null}
            </a>
          </div>
          {node.children.length > 0 && open ? <ul role="group">{renderNodes(node.children)}</ul> : null}
        </li>
      );
    });

  return (
    <div className="narrow hierarchy-page">
      <div className="page-heading">
        <h1 id="tree-heading">{t('hierarchy.tree.heading')}</h1>
        <Link to={{ page: 'home', ws }}>{t('hierarchy.backToJourneys')}</Link>
        <Link to={{ page: 'opportunities', ws }}>{t('hierarchy.opportunities.heading')}</Link>
      </div>
      <p className="hint" id="tree-hint">
        {t('hierarchy.tree.hint')}
      </p>
      <ErrorSummary message={error} />
      {data === null && !error ? <p role="status">{t('common.loading')}</p> : null}
      {data && forest.length === 0 ? <p>{t('hierarchy.tree.empty')}</p> : null}
      {forest.length > 0 ? (
        <ul role="tree" className="tree" aria-labelledby="tree-heading" aria-describedby="tree-hint">
          {renderNodes(forest)}
        </ul>
      ) : null}
      {data && data.stepLinks.length > 0 ? (
        <section aria-labelledby="handovers-heading">
          <h2 id="handovers-heading">{t('hierarchy.stepLinks.heading')}</h2>
          <ul className="hierarchy-list">
            {data.stepLinks.map((l) => (
              <li key={l.id}>
                {t('hierarchy.stepLinks.item', {
                  from: l.fromTitle ?? l.fromJourneyId,
                  fromStep: l.fromStepLabel ?? l.fromStepId,
                  to: l.toTitle ?? l.toJourneyId,
                  toStep: l.toStepLabel ?? l.toStepId,
                })}{' '}
                <StepLink ws={ws} journeyId={l.fromJourneyId} stepId={l.fromStepId}>
                  {t('hierarchy.stepLinks.openFrom', {
                    journey: l.fromTitle ?? l.fromJourneyId,
                    step: l.fromStepLabel ?? l.fromStepId,
                  })}
                </StepLink>{' '}
                <StepLink ws={ws} journeyId={l.toJourneyId} stepId={l.toStepId}>
                  {t('hierarchy.stepLinks.openTo', {
                    journey: l.toTitle ?? l.toJourneyId,
                    step: l.toStepLabel ?? l.toStepId,
                  })}
                </StepLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
