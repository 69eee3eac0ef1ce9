import { useEffect, useState } from 'react';
import { useTitle } from '../app/use-title';
import './legal.css';
import { formatList, t, type MessageId } from '../i18n';
import { accessibilityChecks as checks, complianceStatus, type IssueKind } from './accessibility-checks';
import { serverVersion } from './legal-api';
import {
  DateText,
  Email,
  Name,
  Paragraphs,
  Placeholder,
  inLanguage,
  linkTo,
  richText,
  LegalPageNotes,
  useLegal,
} from './legal-text';
import { defaultAccessibility } from './legal-defaults';

const wcag = linkTo('https://www.w3.org/TR/WCAG22/');

/**
 * The accessibility statement (issue 12, item 5), on the GOV.UK model and with the parts regulation 8 of the Public
 * Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 asks for. Its testing
 * section and known problems come from accessibility-checks.json, which the tests keep true; the organisation's
 * details are what an instance administrator filled in. Anyone may read it, signed in or not.
 */
export function AccessibilityStatementPage() {
  useTitle(t('legal.a11y.title'));
  const state = useLegal('accessibility');
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    serverVersion().then(setVersion, () => setVersion(null));
  }, []);
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  const s = state.status === 'ready' ? state.stored.settings : defaultAccessibility;
  const organisation = <Name value={s.organisationName} what="organisationName" />;
  const email = <Email value={s.contactEmail} what="contactEmail" />;
  const ownIssues = inLanguage(s.knownIssues) !== null;
  const status = complianceStatus(checks.knownIssues, ownIssues, checks.manualAudit);
  const issuesOf = (kind: IssueKind) => checks.knownIssues.filter((i) => i.kind === kind);
  const issueText = (id: string) => t(`legal.a11y.issue.${id}` as MessageId);
  return (
    <div className="narrow legal-page">
      <h1>{t('legal.a11y.heading')}</h1>
      <LegalPageNotes state={state} />
      <p>{richText('legal.a11y.appliesTo', { organisation, address: window.location.origin })}</p>
      {version ? <p>{t('legal.a11y.version', { version })}</p> : null}
      <p>{t('legal.a11y.wantMany')}</p>
      <ul>
        {(['colours', 'zoom', 'keyboard', 'screenReader', 'welsh'] as const).map((can) => (
          <li key={can}>{t(`legal.a11y.can.${can}`)}</li>
        ))}
      </ul>
      <p>{richText('legal.a11y.abilityNet', { link: linkTo('https://mcmw.abilitynet.org.uk/') })}</p>

      <h2>{t('legal.a11y.howAccessible.heading')}</h2>
      {checks.knownIssues.length > 0 || ownIssues ? (
        <>
          <p>{t('legal.a11y.howAccessible.intro')}</p>
          <ul>
            {checks.knownIssues.map((issue) => (
              <li key={issue.id}>{issueText(issue.id)}</li>
            ))}
          </ul>
          <Paragraphs value={s.knownIssues} />
        </>
      ) : (
        <p>{t('legal.a11y.howAccessible.none')}</p>
      )}

      <h2>{t('legal.a11y.feedback.heading')}</h2>
      <p>{t('legal.a11y.feedback.formats')}</p>
      <ul>
        <li>{richText('legal.a11y.feedback.email', { email })}</li>
        <li>
          {richText('legal.a11y.feedback.phone', {
            phone:
              s.contactPhone === '' ? (
                <Placeholder what="contactPhone" />
              ) : (
                <a href={`tel:${s.contactPhone.replace(/[^0-9+]/g, '')}`}>{s.contactPhone}</a>
              ),
          })}
        </li>
      </ul>
      <p>
        {richText('legal.a11y.feedback.days', {
          days:
            s.responseDays === null ? (
              <Placeholder what="responseDays" />
            ) : (
              t('legal.a11y.feedback.daysCount', { count: s.responseDays })
            ),
        })}
      </p>
      <p>{t('legal.a11y.feedback.alternatives')}</p>

      <h2>{t('legal.a11y.report.heading')}</h2>
      <p>{richText('legal.a11y.report.body', { organisation, email })}</p>

      <h2>{t('legal.a11y.enforcement.heading')}</h2>
      <p>
        {richText('legal.a11y.enforcement.ehrc', {
          link: linkTo('https://www.equalityadvisoryservice.com/'),
        })}
      </p>
      <p>{richText('legal.a11y.enforcement.ni', { link: linkTo('https://www.equalityni.org/Home') })}</p>

      <h2>{t('legal.a11y.technical.heading')}</h2>
      <p>{richText('legal.a11y.technical.commitment', { organisation })}</p>
      <h3>{t('legal.a11y.status.heading')}</h3>
      <p>{richText(`legal.a11y.status.${status}`, { link: wcag })}</p>

      <h2>{t('legal.a11y.nonAccessible.heading')}</h2>
      <p>{t('legal.a11y.nonAccessible.intro')}</p>
      <h3>{t('legal.a11y.nonCompliance.heading')}</h3>
      {issuesOf('non-compliance').length === 0 && !ownIssues ? (
        <p>{t('legal.a11y.nonCompliance.none')}</p>
      ) : null}
      {issuesOf('non-compliance').map((issue) => (
        <p key={issue.id}>
          {issueText(issue.id)}{' '}
          {issue.criteria.length > 0
            ? t('legal.a11y.criteria', { criteria: formatList(issue.criteria) })
            : null}
        </p>
      ))}
      {ownIssues ? (
        <>
          <p>{richText('legal.a11y.organisationIssues', { organisation })}</p>
          <Paragraphs value={s.knownIssues} />
        </>
      ) : null}
      <h3>{t('legal.a11y.burden.heading')}</h3>
      {issuesOf('disproportionate-burden').length === 0 ? <p>{t('legal.a11y.burden.none')}</p> : null}
      {issuesOf('disproportionate-burden').map((issue) => (
        <p key={issue.id}>{issueText(issue.id)}</p>
      ))}
      <h3>{t('legal.a11y.scope.heading')}</h3>
      {issuesOf('outside-scope').length === 0 ? <p>{t('legal.a11y.scope.none')}</p> : null}
      {issuesOf('outside-scope').map((issue) => (
        <p key={issue.id}>{issueText(issue.id)}</p>
      ))}

      <h2>{t('legal.a11y.improving.heading')}</h2>
      <p>{t('legal.a11y.improving.body')}</p>

      <h2>{t('legal.a11y.preparation.heading')}</h2>
      <p>
        {richText('legal.a11y.preparation.dates', {
          prepared: <DateText value={s.preparedOn} />,
          reviewed: <DateText value={s.reviewedOn} />,
        })}
      </p>
      <p>{t('legal.a11y.tested.how', { tool: checks.tool.name, version: checks.tool.version })}</p>
      <ul>
        {checks.pages.map((page) => (
          <li key={page.sweep}>{t(`legal.a11y.page.${page.words}` as MessageId)}</li>
        ))}
      </ul>
      {checks.disabledRules.length === 0 ? <p>{t('legal.a11y.tested.exceptions')}</p> : null}
      {checks.notSwept.length > 0 ? (
        <>
          <p>{t('legal.a11y.tested.notSwept')}</p>
          <ul>
            {checks.notSwept.map((page) => (
              <li key={page.words}>{t(`legal.a11y.page.${page.words}` as MessageId)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {checks.manualAudit === null ? <p>{t('legal.a11y.tested.limits')}</p> : null}
      <p>{t('legal.a11y.tested.source')}</p>
    </div>
  );
}
