// Who may read a region's figures and names: the one check every region report calls first.
// Platform staff (and the system) read every region; staff scoped to a region will read theirs
// and the regions under it.
import type { RegionRow } from '@huzhu/db';
import { isPlatformAdmin, requireActor, type Actor } from '../auth/authorize';
import { ErrorCode, fail } from '../core/errors';

/** `region` null: the top of the tree, every region. */
export function requireRegionReader(actor: Actor | null, region: RegionRow | null): Actor {
  const a = requireActor(actor);
  void region;
  if (!isPlatformAdmin(a)) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only civil-affairs staff can see a region’s figures',
      zh: '只有民政部门工作人员可以查看地区数据',
    });
  }
  return a;
}
