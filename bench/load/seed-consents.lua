-- wrk script: records SMS marketing consents for +1305NXXXXXX numbers, one new number per request.
local key = os.getenv("KEY")
local counter = 0
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}

request = function()
  local n = string.format("+1305%03d%04d", 200 + math.floor(counter / 10000) % 800, counter % 10000)
  counter = counter + 1
  local body = '{"address":"' .. n .. '","channel":"sms","purpose":"marketing","method":"api",'
    .. '"captured_at":"2026-01-10T15:00:00Z","confirmed":true,"ip":"203.0.113.7"}'
  return wrk.format("POST", "/v1/consents", headers, body)
end
