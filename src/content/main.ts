// placeholder content script
export {};
