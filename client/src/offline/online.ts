// Whether the device has a connection (navigator.onLine), as a ref that follows the browser's
// online and offline events.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export function useOnline(): Ref<boolean> {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const up = () => (online.value = true);
  const down = () => (online.value = false);
  onMounted(() => {
    online.value = navigator.onLine;
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  });
  return online;
}
