import { roles } from '../api/types';
import { SelectField } from '../ui/field';
import { t } from '../i18n';

/** "Role" for a new member or token: the four roles, each with what it may do; editor by default. */
export function RoleField() {
  return (
    <SelectField label={t('pages.role')} name="role" defaultValue="editor">
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`model.roleDescription.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}
