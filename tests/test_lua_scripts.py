"""Redis Lua scripts shown on pages run here too: inside an embedded Lua (lupa) against a
small in-memory stand-in for the Redis commands the script calls (TIME, HMGET, HSET,
PEXPIRE). That checks the script's arithmetic and its use of the command replies; the
real atomicity comes from Redis running scripts without interleaving."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

lupa = pytest.importorskip("lupa")

SCRIPT = (ROOT / "examples" / "system-design" / "token-bucket.lua").read_text(encoding="utf-8")


class FakeRedis:
    def __init__(self):
        self.now_ms = 1_700_000_000_000
        self.hashes: dict[str, dict[str, str]] = {}
        self.expiry: dict[str, int] = {}

    def call(self, command, *args):
        command = command.upper()
        if command == "TIME":
            return [str(self.now_ms // 1000), str((self.now_ms % 1000) * 1000)]
        if command == "HMGET":
            key, *fields = args
            return [self.hashes.get(key, {}).get(f) for f in fields]
        if command == "HSET":
            key, *pairs = args
            self.hashes.setdefault(key, {}).update(
                {pairs[i]: str(pairs[i + 1]) for i in range(0, len(pairs), 2)}
            )
            return len(pairs) // 2
        if command == "PEXPIRE":
            self.expiry[args[0]] = int(args[1])
            return 1
        raise AssertionError(f"unexpected command {command}")


def run_script(redis: FakeRedis, capacity: int, rate: float, cost: int = 1) -> list[int]:
    lua = lupa.LuaRuntime(unpack_returned_tuples=True)
    lua.globals().redis = lua.table_from({"call": lambda *a: _to_lua(lua, redis.call(*a))})
    lua.globals().KEYS = lua.table_from(["rl:{client}"])
    lua.globals().ARGV = lua.table_from([str(capacity), str(rate), str(cost)])
    result = lua.execute(SCRIPT)
    return [int(result[i]) for i in (1, 2, 3)]


def _to_lua(lua, value):
    if isinstance(value, list):
        # Redis returns nil entries as Lua false; tonumber(false) is nil, as the script expects.
        return lua.table_from([False if v is None else v for v in value])
    return value


def test_burst_up_to_capacity_then_reject_with_retry_after():
    redis = FakeRedis()
    results = [run_script(redis, capacity=3, rate=1) for _ in range(4)]
    assert [r[0] for r in results] == [1, 1, 1, 0]
    assert results[3][2] == 1000  # one token at one per second
    assert redis.expiry["rl:{client}"] == 3000


def test_tokens_refill_with_the_server_clock():
    redis = FakeRedis()
    for _ in range(3):
        run_script(redis, capacity=3, rate=1)
    redis.now_ms += 2000
    assert run_script(redis, capacity=3, rate=1) == [1, 1, 0]
