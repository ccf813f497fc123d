// 扫码找人 at the counter: the member card's QR code names the member, picked as if their name had
// been typed. The scanner component (camera + jsQR) loads only when the clerk scans, so the counter
// stays light on a slow link; an unknown code (another site's card, a replaced one) says so.
import { defineAsyncComponent, ref, type Ref } from 'vue';
import { useClientHandle } from '@urql/vue';
import { useI18n } from 'vue-i18n';
import type { MemberRow } from '../components/types';
import { MemberByCardDocument } from '../graphql/generated/graphql';

export const QrScanner = defineAsyncComponent(() => import('../components/qr-scanner.vue'));

export function useCardScan(siteId: Ref<string>, onFound: (member: MemberRow) => void) {
  const { t } = useI18n();
  const urql = useClientHandle();
  const scanning = ref(false);
  const scanProblem = ref('');
  function startScan() {
    scanProblem.value = '';
    scanning.value = true;
  }
  async function onScanned(code: string) {
    scanning.value = false;
    const res = await urql.client
      .query(MemberByCardDocument, { siteId: siteId.value, code }, { requestPolicy: 'network-only' })
      .toPromise();
    const found = res.data?.memberByCard;
    if (!found) {
      scanProblem.value = t('paper.cardUnknown');
      return;
    }
    onFound({ id: found.id, name: found.name, phone: found.phone });
  }
  return { scanning, scanProblem, startScan, onScanned };
}
