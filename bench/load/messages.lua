-- wrk script: POST /v1/messages, transactional, every request to the next of RECIPIENTS recipients (consents seeded by
-- bench/load/seed-transactional.lua for SMS; email needs none) with a body of its own (the duplicate-content rule blocks
-- the same text to the same recipient within an hour). CHANNEL is sms or email; RUN names the wrk run, so that the
-- warm-up's and the measured run's bodies differ too. Each wrk thread numbers its requests from its own offset.
local key = os.getenv("KEY")
local channel = os.getenv("CHANNEL") or "sms"
local recipients = tonumber(os.getenv("RECIPIENTS") or "20000")
local run = os.getenv("RUN") or "run"
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
local threads = 0
local counter = 0
-- RATE (messages a second, all connections together) paces each connection: it waits CONNECTIONS * 1000 / RATE ms
-- before each request, so the rate offered is a little under RATE (the answer's own time adds); absent, no wait.
local rate = tonumber(os.getenv("RATE") or "") or 0
local pause = rate > 0 and math.floor(tonumber(os.getenv("CONNECTIONS") or "64") * 1000 / rate) or 0

if pause > 0 then
  delay = function()
    return pause
  end
end

setup = function(thread)
  thread:set("offset", threads * 7919)
  thread:set("tag", run .. "-t" .. threads)
  threads = threads + 1
end

local function number(i)
  return string.format("+1305%03d%04d", 200 + math.floor(i / 10000) % 800, i % 10000)
end

request = function()
  counter = counter + 1
  local i = ((offset or 0) + counter) % recipients
  local ref = (tag or run) .. "-" .. counter
  local body
  if channel == "email" then
    body = '{"channel":"email","from":"Acme <news@acme.example>","to":"user' .. i .. '@example.com","purpose":"transactional",'
      .. '"subject":"Your receipt ' .. ref .. '","body":"Acme: your receipt #' .. ref .. '. 1 Main St, Miami FL 33101"}'
  else
    body = '{"channel":"sms","from":"+18005550199","to":"' .. number(i) .. '","purpose":"transactional",'
      .. '"body":"Acme: your order ' .. ref .. ' has shipped."}'
  end
  return wrk.format("POST", "/v1/messages", headers, body)
end
