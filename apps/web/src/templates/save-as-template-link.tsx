import { useRouter } from '../app/router';
import { routePath } from '../app/routes';
import { t } from '../i18n';

/** From a map: the templates page with this map chosen in "Save a map as a template" (issue 14 item 5). */
export function SaveAsTemplateLink({ ws, id }: { ws: string; id: string }) {
  const { navigate } = useRouter();
  const search = `?map=${encodeURIComponent(id)}`;
  return (
    <a
      href={`${routePath({ page: 'templates', ws })}${search}`}
      onClick={(event) => {
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        )
          return;
        event.preventDefault();
        navigate({ page: 'templates', ws }, { search });
      }}
    >
      {t('templates.saveFromMap')}
    </a>
  );
}
