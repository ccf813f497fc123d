// Monthly site reports (being written).
import type { SiteRow } from '@huzhu/db';

export interface SiteReportData {
  site: SiteRow;
  month: string;
  serviceMinutes: number;
  activeVolunteers: number;
  needsPosted: number;
  needsCompleted: number;
  pointsIssued: number;
  pointsRedeemed: number;
  visitRate: number;
}
