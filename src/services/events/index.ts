export { readEvents, parseReadEvents } from './read-events.js';
export { eventsInputFromQuery, type FollowInput } from './events-query.js';
export { followFeed, type FollowFeedOptions } from './follow-feed.js';
export { createFeedWakeup, type ChangeSource, type FeedWakeup, type WakeReason } from './feed-wakeup.js';
export { eventsDocs, feedEventSchema, feedFilterSchema, readEventsInput, type ReadEventsInput } from './schemas.js';
