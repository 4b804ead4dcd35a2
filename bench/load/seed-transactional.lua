-- wrk script: records a confirmed transactional SMS consent for each of the first RECIPIENTS numbers of
-- bench/load/messages.lua (+1305NXXXXXX), one new number a request. Once RECIPIENTS have answered it writes their count
-- and the failures to the file DONE (its caller then stops wrk). Run with one wrk thread. Requests still in flight
-- then, or sent after, record a number again (harmless).
local key = os.getenv("KEY")
local recipients = tonumber(os.getenv("RECIPIENTS") or "20000")
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
local done = os.getenv("DONE")
local sent = 0
local answered = 0
local failed = 0

request = function()
  local i = sent % recipients
  sent = sent + 1
  local n = string.format("+1305%03d%04d", 200 + math.floor(i / 10000) % 800, i % 10000)
  return wrk.format("POST", "/v1/consents", headers, '{"address":"' .. n .. '","channel":"sms","purpose":"transactional",'
    .. '"method":"api","captured_at":"2026-01-10T15:00:00Z","confirmed":true}')
end

response = function(status, headers, body)
  answered = answered + 1
  if status >= 300 then
    failed = failed + 1
    if failed < 5 then
      io.stderr:write("consent: status " .. status .. ": " .. body .. "\n")
    end
  end
  if answered == recipients and done then
    local f = io.open(done, "w")
    f:write(answered .. " " .. failed .. "\n")
    f:close()
  end
end
