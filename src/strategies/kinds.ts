// The strategies module's enumerations, for pages that offer them as choices: other modules may
// not import this module's entities as values.
export { PRIORITY_KINDS } from './priority.entity';
export { STRATEGY_STATUSES } from './strategy.entity';
export { THEME_KINDS } from './theme.entity';
