// Starts the app: i18n, router, the urql client, the retry queue for money-like actions, and the
// service worker that lets the installed app open offline.
import { createApp } from 'vue';
import urql from '@urql/vue';
import 'vant/lib/index.css';
import './styles/theme.css';
import App from './App.vue';
import { router } from './router';
import { i18n, currentLocale } from './i18n';
import { clientRef, getClient, setUnauthenticatedHandler, resetClient } from './api/api';
import { clearSession, session, updateViewer } from './auth/session';
import { resumePending } from './offline/pending-store';
// The counter's hand-over follows its queued redemption from start-up, whichever page is open.
import './offline/counter-deal';
import { registerServiceWorker } from './offline/register-sw';
import { installA11yPatches } from './lib/a11y-patches';
import { ViewerDocument } from './graphql/generated/graphql';

document.documentElement.lang = currentLocale();

setUnauthenticatedHandler(() => {
  if (!session.token) return; // a failed log-in, not an expired session
  clearSession();
  resetClient();
  void router.replace({ path: '/login', query: { expired: '1' } });
});

const app = createApp(App);
app.use(i18n);
app.use(router);
app.use(urql, clientRef);
app.mount('#app');
installA11yPatches();

// Refresh who the viewer is (roles may have changed) and send any action left from last time.
if (session.token) {
  void getClient()
    .query(ViewerDocument, {}, { requestPolicy: 'network-only' })
    .toPromise()
    .then((r) => {
      if (r.data?.viewer) updateViewer(r.data.viewer);
    });
  resumePending();
}

registerServiceWorker();
