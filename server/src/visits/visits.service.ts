// Visits and monthly coverage (being written).
import type { MemberRow, VisitRow } from '@huzhu/db';

export interface CoverageData {
  month: string;
  dueCount: number;
  visitedCount: number;
  rate: number;
  unvisited: MemberRow[];
  visits: VisitRow[];
}
