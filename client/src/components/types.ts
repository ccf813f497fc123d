// Shapes shared by the presentational components (they take plain data, never GraphQL results).
export interface ShellTab {
  to: string;
  icon: string;
  label: string;
}
