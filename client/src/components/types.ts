// Shapes shared by the presentational components (they take plain data, never GraphQL results).
export interface ShellTab {
  to: string;
  icon: string;
  label: string;
}

export interface TransferRow {
  id: string;
  /** The transfer this one reverses, when it is a reversal. */
  reverses?: { id: string } | null;
  unit: string;
  amount: number;
  kind: string;
  createdAt: string;
  memo?: string | null;
  fromMember?: { id: string; name: string } | null;
  toMember?: { id: string; name: string } | null;
  /** Who holds the receiving account: a gift to the care pool reads as such. */
  toOwner?: string | null;
}

export interface MemberRow {
  id: string;
  name: string;
  phone?: string | null;
  roles?: readonly string[];
  address?: string | null;
}

export interface MemberDraft {
  name: string;
  roles: string[];
  phone: string;
  password: string;
  birthYear: string;
  address: string;
  careCategories: string[];
  /** LivingSituation, or null when not recorded. */
  livingSituation: string | null;
  /** '1'-'4', or null for none. */
  disabilityGrade: string | null;
}

export interface ChartSeries {
  name: string;
  type: 'bar' | 'line';
  /** One value per category; null where there is none (a site with no rate): a gap. */
  data: (number | null)[];
}

export interface Figure {
  label: string;
  value: string;
  warn?: boolean;
}

/** A need as the edit form starts from it. */
export interface EditableNeed {
  title: string;
  description?: string | null;
  category: string;
  startsAt: string;
  estimatedMinutes: number;
  slots: number;
  payer: string;
}
/** What the edit form sends: only the start and description once the need is claimed. */
export interface NeedChangesDraft {
  title?: string;
  description: string | null;
  category?: string;
  startsAt: string;
  estimatedMinutes?: number;
  slots?: number;
  payer?: string;
}
