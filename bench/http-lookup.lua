-- wrk script: GET /api/v1/customers/{id}/tier over customers CUST-00001 .. CUST-<n>, each thread starting
-- elsewhere in the range, so that lookups read many rows rather than one cached answer.
-- Usage: wrk ... -s bench/http-lookup.lua URL -- <customers>

local threads = 0

function setup(thread)
   thread:set("first", threads * 997)
   threads = threads + 1
end

function init(args)
   customers = tonumber(args[1] or "2000")
   next_id = first or 0
end

function request()
   next_id = next_id % customers + 1
   return wrk.format("GET", string.format("/api/v1/customers/CUST-%05d/tier", next_id))
end
