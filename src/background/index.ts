import browser from 'webextension-polyfill';

browser.runtime.onInstalled.addListener(() => {
  // placeholder: settings migration lands here
});
