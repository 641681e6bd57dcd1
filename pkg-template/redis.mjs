// `haptik-webhook/redis`: the dedupe store shared by every process of an endpoint, over a Redis
// client you create and connect (node-redis or ioredis; neither is a dependency of this package).
export { redisDedupe } from "./src/stores/redis.js";
