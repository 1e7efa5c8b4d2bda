-- Token bucket in Redis, atomic because Redis runs a script without
-- interleaving other commands. tests/test_lua_scripts.py runs it in an embedded
-- Lua against a stand-in for the Redis commands it calls.
--
-- KEYS[1]  bucket key, e.g. "rl:{api-key-123}"
-- ARGV[1]  capacity (tokens)
-- ARGV[2]  refill rate (tokens per second)
-- ARGV[3]  cost of this request (tokens)
-- Returns  { allowed (1 or 0), tokens left (floored), retry after in ms }

local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2]) / 1000 -- tokens per ms
local cost = tonumber(ARGV[3])

-- Use the Redis server's clock, so app servers with skewed clocks agree.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now

tokens = math.min(capacity, tokens + math.max(0, now - last) * rate)

local allowed = 0
local retry_after = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry_after = math.ceil((cost - tokens) / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
-- An idle bucket refills to full, which equals no key: let Redis drop it then.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate))

return { allowed, math.floor(tokens), retry_after }
