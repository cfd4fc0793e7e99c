-- wrk script: HTTP announces (keep-alive) of PEERS distinct peers re-announcing to their torrents.
-- Peer n announces to torrent n mod #hashes, peer_id "-BENCH-" plus n in 13 digits, port 1024 + n mod
-- 60000, every other peer a seeder, numwant 50, compact. Hashes come from the file named by the
-- environment variable HASHES (40 hex digits per line).
local PEERS = 200000
local hashes = {}

local function escape(hex)
  local out = {}
  for i = 1, #hex, 2 do
    out[#out + 1] = "%" .. hex:sub(i, i + 1)
  end
  return table.concat(out)
end

for line in io.lines(os.getenv("HASHES")) do
  if #line >= 40 then
    hashes[#hashes + 1] = escape(line:sub(1, 40))
  end
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local n = math.random(0, PEERS - 1)
  local left = (n % 2 == 0) and 0 or 1000
  local path = string.format(
    "/announce?info_hash=%s&peer_id=-BENCH-%013d&port=%d&uploaded=0&downloaded=0&left=%d&numwant=50&compact=1",
    hashes[(n % #hashes) + 1], n, 1024 + n % 60000, left)
  return wrk.format("GET", path)
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 or body:sub(1, 18) == "d14:failure reason" then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("http non-2xx or failure bodies (thread-local counts not aggregated by wrk): see errors above\n"))
end
