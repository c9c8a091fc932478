-- wrk script for bench/kafka-stock.sh: every request registers a new schema under a new subject
-- (POST /subjects/<subject>/versions), as the independent run of issue 18 did. Each wrk thread
-- numbers its own requests; the thread's id and the run's tag (env TAG) keep subjects and record
-- names distinct across threads and runs, so every request is a real write, never a look-up of
-- a schema already registered. Answers other than 200 are counted by wrk ("Non-2xx").
local counter = 1
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tag = os.getenv("TAG") or "w"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
end

function request()
  local n = tag .. "t" .. tid .. "n" .. counter
  counter = counter + 1
  local body = '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"r' .. n ..
      '\\",\\"fields\\":[{\\"name\\":\\"f' .. n .. '\\",\\"type\\":\\"string\\"}]}"}'
  return wrk.format(nil, "/subjects/wrk-" .. n .. "/versions", nil, body)
end

-- The first few answers other than 200, on standard error, to say why (wrk only counts them).
local shown = 0
function response(status, headers, body)
  if status ~= 200 and shown < 3 then
    shown = shown + 1
    io.stderr:write("HTTP " .. status .. " " .. body .. "\n")
  end
end
