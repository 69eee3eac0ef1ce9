import { useTitle } from '../app/use-title';
import './legal.css';
import { t } from '../i18n';
import { defaultPrivacy } from './legal-defaults';
import {
  DateText,
  Detail,
  Email,
  Name,
  Paragraphs,
  linkTo,
  richText,
  LegalPageNotes,
  useLegal,
} from './legal-text';

/**
 * The privacy notice template (issue 12, item 5): what UK GDPR Articles 13 and 14 ask a controller to tell people,
 * in the catalogue's words, with the organisation's details (controller, data protection officer, recipients,
 * retention, transfers) as an instance administrator filled them in, and placeholders where they have not.
 */
export function PrivacyNoticePage() {
  useTitle(t('legal.privacy.title'));
  const state = useLegal('privacy');
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  const s = state.status === 'ready' ? state.stored.settings : defaultPrivacy;
  const organisation = <Name value={s.controllerName} what="controllerName" />;
  return (
    <div className="narrow legal-page">
      <h1>{t('legal.privacy.heading')}</h1>
      <LegalPageNotes state={state} />
      <p>{richText('legal.privacy.template', { organisation })}</p>
      <p>{t('legal.privacy.intro')}</p>

      <h2>{t('legal.privacy.controller.heading')}</h2>
      <p>{richText('legal.privacy.controller.body', { organisation })}</p>
      <p>
        {richText('legal.privacy.controller.address', {
          address: <Name value={s.controllerAddress} what="controllerAddress" />,
        })}
      </p>
      <p>
        {richText('legal.privacy.controller.email', {
          email: <Email value={s.controllerEmail} what="controllerEmail" />,
        })}
      </p>

      <h2>{t('legal.privacy.dpo.heading')}</h2>
      <p>
        {richText('legal.privacy.dpo.body', {
          name: <Detail value={s.dpoName} what="dpoName" />,
          email: <Email value={s.dpoEmail} what="dpoEmail" />,
        })}
      </p>

      <h2>{t('legal.privacy.what.heading')}</h2>
      <ul>
        <li>{t('legal.privacy.what.staff')}</li>
        <li>{t('legal.privacy.what.guests')}</li>
        <li>{t('legal.privacy.what.residents')}</li>
      </ul>

      <h2>{t('legal.privacy.sources.heading')}</h2>
      <p>{t('legal.privacy.sources.body')}</p>

      <h2>{t('legal.privacy.purposes.heading')}</h2>
      <p>{t('legal.privacy.purposes.body')}</p>
      <p>{t('legal.privacy.purposes.publicTask')}</p>
      <p>{t('legal.privacy.purposes.specialCategory')}</p>
      {s.lawfulBasis.en.trim() !== '' || s.lawfulBasis.cy.trim() !== '' ? (
        <>
          <p>{richText('legal.privacy.purposes.organisation', { organisation })}</p>
          <Paragraphs value={s.lawfulBasis} />
        </>
      ) : null}

      <h2>{t('legal.privacy.recipients.heading')}</h2>
      <Paragraphs value={s.recipients} what="recipients" />

      <h2>{t('legal.privacy.retention.heading')}</h2>
      <Paragraphs value={s.retention} what="retention" />

      <h2>{t('legal.privacy.transfers.heading')}</h2>
      <Paragraphs value={s.transfers} what="transfers" />

      <h2>{t('legal.privacy.automated.heading')}</h2>
      <p>{t('legal.privacy.automated.body')}</p>

      <h2>{t('legal.privacy.rights.heading')}</h2>
      <p>{t('legal.privacy.rights.intro')}</p>
      <ul>
        {(['access', 'rectification', 'erasure', 'restriction', 'objection'] as const).map((right) => (
          <li key={right}>{t(`legal.privacy.rights.${right}`)}</li>
        ))}
      </ul>
      <p>{t('legal.privacy.rights.contact')}</p>

      <h2>{t('legal.privacy.complain.heading')}</h2>
      <p>
        {richText('legal.privacy.complain.body', {
          link: linkTo('https://ico.org.uk/make-a-complaint/'),
        })}
      </p>
      <p>{richText('legal.privacy.reviewed', { date: <DateText value={s.reviewedOn} /> })}</p>
    </div>
  );
}
