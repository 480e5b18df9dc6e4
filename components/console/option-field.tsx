import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Option } from "@/lib/console/pickers";

/** A labelled choice among jobs or campaigns, empty meaning none: the console's filters and pickers. */
export function OptionField({ id, label, placeholder, options, value, onChange }: { id: string; label: string; placeholder: string; options: Option[]; value: string; onChange: (value: string | null) => void }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
