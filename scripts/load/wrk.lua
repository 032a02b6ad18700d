-- wrk script for the load harness (scripts/load/harness.mjs sets the environment).
--   LOAD_PATHS   space-separated paths; each request takes the next one (per thread)
--   LOAD_HEADERS "Name: value" pairs separated by "|" (session cookie or bearer token)
--   LOAD_SAVES   "id:revision,..." for the save-a-step server function: one draft per thread, so
--                each client edits its own case and follows its own revision like the wizard does
-- done() prints one JSON line the harness reads: counts, latency percentiles (µs), conflicts.

local threads = {}
local next_index = 0

function setup(thread)
  thread:set("index", next_index)
  next_index = next_index + 1
  table.insert(threads, thread)
end

local paths, headers, save_id, revision, turn = {}, {}, nil, nil, 0
failures = 0

function init(args)
  for p in string.gmatch(os.getenv("LOAD_PATHS") or "/", "%S+") do
    table.insert(paths, p)
  end
  for pair in string.gmatch(os.getenv("LOAD_HEADERS") or "", "[^|]+") do
    local name, value = string.match(pair, "^%s*([^:]+):%s*(.*)$")
    if name then headers[name] = value end
  end
  local saves = os.getenv("LOAD_SAVES")
  if saves then
    local mine, i = nil, 0
    for entry in string.gmatch(saves, "[^,]+") do
      if i == index then mine = entry end
      i = i + 1
    end
    assert(mine, "LOAD_SAVES has no draft for thread " .. index)
    local id, rev = string.match(mine, "(%d+):(%d+)")
    save_id, revision = tonumber(id), tonumber(rev)
    headers["Content-Type"] = "application/json"
  end
  turn = index
end

function request()
  turn = turn + 1
  if save_id then
    -- Alternate the two case-level steps, as someone moving back and forth in the wizard would.
    local body
    if turn % 2 == 0 then
      body = string.format('{"id":%d,"revision":%d,"step":"case","answers":{"office":"Country Office %d"}}', save_id, revision, turn)
    else
      body = string.format('{"id":%d,"revision":%d,"step":"country","answers":{"armed_conflict_or_peace_operation":%s}}', save_id, revision, turn % 4 == 1 and "true" or "false")
    end
    return wrk.format("POST", paths[1], headers, body)
  end
  return wrk.format("GET", paths[(turn % #paths) + 1], headers)
end

if os.getenv("LOAD_SAVES") then
  function response(status, _, body)
    local saved = status == 200 and string.match(body, '"Saved":{"revision":(%d+)')
    if saved then
      revision = tonumber(saved)
    else
      failures = failures + 1
      local current = string.match(body, '"current_revision":(%d+)')
      if current then revision = tonumber(current) end
    end
  end
end

function done(summary, latency, _)
  local failed = 0
  for _, t in ipairs(threads) do
    failed = failed + (tonumber(t:get("failures")) or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"failed_saves":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout, failed))
end
