import { render } from 'preact';
import browser from 'webextension-polyfill';

function Popup() {
  return (
    <main>
      <h1>{browser.i18n.getMessage('popupTitle')}</h1>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
