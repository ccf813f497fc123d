// The header's unread count, shared by the bell (which loads it and counts live deliveries) and
// the inbox page (which knows the count the server answered after marking read).
import { ref } from 'vue';

export const inboxUnread = ref(0);

export function setInboxUnread(n: number): void {
  inboxUnread.value = Math.max(0, n);
}
