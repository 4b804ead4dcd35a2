-- wrk script: the same kind of request, to the bare Javalin endpoint.
local headers = {["Authorization"] = "Bearer csk_not_checked", ["Content-Type"] = "application/json"}
math.randomseed(os.time())

request = function()
  local i = math.random(1000000)
  local n = string.format("+1305%03d%04d", 200 + math.floor(i / 10000) % 800, i % 10000)
  local body = '{"channel":"sms","from":"+18005550199","to":"' .. n .. '","purpose":"marketing",'
    .. '"body":"Acme: spring sale, 20% off today. Reply STOP to opt out.","send_at":"2026-03-14T16:00:00Z"}'
  return wrk.format("POST", "/bare", headers, body)
end
