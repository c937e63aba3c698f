-- One wrk script for every scenario, driven by the environment:
--   WRK_METHOD (GET), WRK_TOKEN (sent as Authorization: Bearer), WRK_BODY (one body),
--   WRK_PATHS (file, one path a line, used round-robin), WRK_BODIES (file, one body a line, round-robin).
-- done() prints one JSON line: counts and latency percentiles in milliseconds.
local method = os.getenv("WRK_METHOD") or "GET"
local token = os.getenv("WRK_TOKEN")
local body = os.getenv("WRK_BODY")

local function lines(file)
  local list = {}
  if file and #file > 0 then
    for line in io.lines(file) do
      if #line > 0 then list[#list + 1] = line end
    end
  end
  return list
end

local paths = lines(os.getenv("WRK_PATHS"))
local bodies = lines(os.getenv("WRK_BODIES"))
local counter = 0
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end

function setup(thread)
  thread:set("offset", math.random(1, 100000))
end

function init(args)
  counter = tonumber(offset) or 0
end

request = function()
  counter = counter + 1
  local path = wrk.path
  if #paths > 0 then path = paths[counter % #paths + 1] end
  local payload = body
  if #bodies > 0 then payload = bodies[counter % #bodies + 1] end
  return wrk.format(method, path, headers, payload)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"tool":"wrk","requests":%d,"duration_s":%.3f,"non2xx":%d,"socket_errors":%d,"timeouts":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
