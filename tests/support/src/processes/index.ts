export { childrenOf, groupMembers } from './procStat.js';
export { sampleGroupRss } from './sampleGroupRss.js';
