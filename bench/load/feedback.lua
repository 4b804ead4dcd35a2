-- wrk script: ARF complaints (RFC 5965) and DSN hard bounces (RFC 3464) in turn, each about a new recipient,
-- from the fixtures of consentry-core's tests (REPORTS names their folder).
local key = os.getenv("ADMIN")
local dir = os.getenv("REPORTS")
local function read(name)
  local f = assert(io.open(dir .. "/" .. name, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end
local arf = read("arf-rfc5965-abuse.eml")
local dsn = read("dsn-hard-5.1.1-postfix.eml")
local counter = 0
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "message/rfc822"}

request = function()
  counter = counter + 1
  local who = string.format("r%d-%d@example.com", math.random(1000000), counter)
  if counter % 2 == 0 then
    return wrk.format("POST", "/v1/feedback/arf", headers, (arf:gsub("ana@example%.com", who)))
  end
  return wrk.format("POST", "/v1/feedback/dsn", headers, (dsn:gsub("dee@example%.org", who)))
end

response = function(status, headers, body)
  if status ~= 202 then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end
