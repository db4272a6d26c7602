// For pages that offer them as choices: other modules may not import this module's entities as values.
export { ACTION_STATUSES } from './planned-action.entity';
