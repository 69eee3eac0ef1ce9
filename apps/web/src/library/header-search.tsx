import { useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { t } from '../i18n';
import './library.css';

/** The search box in the header: it opens the search page with the words typed. */
export function HeaderSearch() {
  const { navigate } = useRouter();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim() === '') return;
    navigate({ page: 'search' }, { search: `?${new URLSearchParams({ q: q.trim() }).toString()}` });
    setQ('');
  };
  return (
    <form role="search" aria-label={t('library.search.label')} className="header-search" onSubmit={submit}>
      <label htmlFor="header-search" className="visually-hidden">
        {t('library.search.label')}
      </label>
      <input
        id="header-search"
        type="search"
        value={q}
        maxLength={300}
        onChange={(e) => setQ(e.target.value)}
      />
      <button className="button button--secondary" type="submit">
        {t('library.search.button')}
      </button>
    </form>
  );
}
