-- wrk script: POST /v1/checks with mixed traffic over the seeded numbers. Most recipients have a consent
-- (allow); one in ten is outside the seeded range (CONSENT_MISSING); one in ten is at night (QUIET_HOURS).
-- With IDEMPOTENCY=1 every request carries an Idempotency-Key of its own (one wrk thread: the keys are numbered).
local key = os.getenv("KEY")
local keyed = os.getenv("IDEMPOTENCY") == "1"
local counter = 0
local seeded = tonumber(os.getenv("SEEDED") or "100000")
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
math.randomseed(os.time())

request = function()
  local i
  if math.random(10) == 1 then i = seeded + math.random(1000000) else i = math.random(seeded) - 1 end
  local n = string.format("+1305%03d%04d", 200 + math.floor(i / 10000) % 800, i % 10000)
  local at = (math.random(10) == 1) and "2026-03-15T03:30:00Z" or "2026-03-14T16:00:00Z"
  local body = '{"channel":"sms","from":"+18005550199","to":"' .. n .. '","purpose":"marketing",'
    .. '"body":"Acme: spring sale, 20% off today. Reply STOP to opt out.","send_at":"' .. at .. '"}'
  if keyed then
    counter = counter + 1
    headers["Idempotency-Key"] = "load-" .. os.time() .. "-" .. counter
  end
  return wrk.format("POST", "/v1/checks", headers, body)
end
