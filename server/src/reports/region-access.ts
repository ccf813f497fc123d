// Who may read a region's figures and names: the one check every region report calls first.
// Platform staff (and the system) read every region; staff scoped to a region read theirs and the
// regions under it, never the top of the tree nor a neighbouring township.
import type { RegionRow } from '@huzhu/db';
import { isPlatformAdmin, isSystem, regionInMine, requireActor, type Actor } from '../auth/authorize';
import { ErrorCode, fail } from '../core/errors';

/** `region` null: the top of the tree, every region. */
export function requireRegionReader(actor: Actor | null, region: RegionRow | null): Actor {
  const a = requireActor(actor);
  if (isPlatformAdmin(a)) return a;
  if (region && regionInMine(a, region.path)) return a;
  fail(ErrorCode.FORBIDDEN, {
    en: 'Only civil-affairs staff of this region can see its figures',
    zh: '只有本地区的民政工作人员可以查看地区数据',
  });
}

/**
 * The region a report opens at when none is asked for: the top for platform staff, a region
 * officer's own region (the highest, if they hold several), null for anyone else.
 */
export function homeRegionId(actor: Actor | null): number | null {
  if (!actor || isSystem(actor) || isPlatformAdmin(actor)) return null;
  const mine = [...(actor.regions ?? [])].sort((x, y) => x.path.length - y.path.length || x.id - y.id);
  return mine[0]?.id ?? null;
}
