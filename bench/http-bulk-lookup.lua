-- wrk script: POST /api/v1/tiers/lookup with <size> ids per request, consecutive windows over customers
-- CUST-00001 .. CUST-<n>, each thread starting elsewhere in the range.
-- Usage: wrk ... -s bench/http-bulk-lookup.lua URL -- <customers> <size>

local threads = 0

function setup(thread)
   thread:set("first", threads * 7)
   threads = threads + 1
end

function init(args)
   local customers = tonumber(args[1] or "2000")
   local size = tonumber(args[2] or "100")
   bodies = {}
   for window = 0, math.floor(customers / size) - 1 do
      local ids = {}
      for i = 1, size do
         ids[i] = string.format("\"CUST-%05d\"", window * size + i)
      end
      bodies[#bodies + 1] = "{\"customerIds\":[" .. table.concat(ids, ",") .. "]}"
   end
   next_body = first or 0
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   next_body = next_body % #bodies + 1
   return wrk.format("POST", "/api/v1/tiers/lookup", nil, bodies[next_body])
end
