export { launchChromium, chromiumArgs, type ChromiumOptions } from './launchChromium.js';
export { watchConsole, type ConsoleWatch } from './consoleWatch.js';
export { saveScreenshot, screenshotDir } from './screenshots.js';
export { startBrowserStack, stopBrowserStack, type BrowserStack, type BrowserStackOptions } from './browserStack.js';
export { anna, ben, type Member, type DatedPhoto, type GeneratedVideo } from './household.js';
export { iPhone } from './iPhone.js';
