import { roles } from '../api/types';
import { roleLabels } from '../app/format';
import { SelectField } from '../ui/field';

/** "Role" for a new member or token: the four roles, each with what it may do; editor by default. */
export function RoleField() {
  return (
    <SelectField label="Role" name="role" defaultValue="editor">
      {roles.map((r) => (
        <option key={r} value={r}>
          {roleLabels[r]}
        </option>
      ))}
    </SelectField>
  );
}
