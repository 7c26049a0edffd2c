import type { AgendaItemView } from "@protocol/model.ts";
import { FormField } from "../../components/FormField.tsx";
import { useT } from "../../i18n/useT.ts";

/** Which agenda item's speakers' list to join: the voter's form and the desk's. */
export function AgendaItemSelect({ label, items, value, onChange, error, required }: {
  label: string;
  items: AgendaItemView[];
  value: string;
  onChange: (itemId: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const t = useT();
  return (
    <FormField label={label} error={error} required={required} requiredMark={required ? t("field.requiredMark") : undefined}>
      {(p) => (
        <select {...p} name="agendaItemId" value={value} onChange={(e) => onChange(e.target.value)}>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.position}. {item.status === "CURRENT" ? t("forum.join.itemCurrent", { title: item.title }) : item.title}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
