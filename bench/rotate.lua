-- wrk script for ./kb bench: cycles through the paths in the file named by the first argument (one per line),
-- the two threads starting half the list apart, so a run is many distinct addresses, never one hot cache entry.
-- Prints one machine-readable line at the end: RESULT <req/s> <p50 ms> <p99 ms> <errors> <requests>.
local paths = {}
local counter = 0
local threads = 0

-- Runs in the main state: numbers the threads, so each starts at its own share of the list.
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  counter = ((id or 0) * math.floor(#paths / 2)) % math.max(#paths, 1)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
