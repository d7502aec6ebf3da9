export { isUuid, uuidPattern, uuidSource } from './patterns/uuid.js';
