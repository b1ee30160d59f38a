-- Every request a run nobody asked for before: a 500-step Adam run whose learning rate
-- differs in the ninth digit, so neither the server's cache nor a proxy's can answer it.
local FIELDS = os.getenv("FIELDS") or "params,loss,grad,grad_norm,lr"
local n = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  n = n + 1
  local lr = string.format("0.05%08d%02d", n, tid or 0)
  local spec = '{"problem":{"name":"rosenbrock"},"start":[-1.5,2],"optimizer":{"name":"adam","lr":' .. lr ..
      '},"stop":{"max_steps":500}}'
  local encoded = spec:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", "/api/runs?fields=" .. FIELDS .. "&spec=" .. encoded)
end
