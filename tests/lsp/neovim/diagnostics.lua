-- Run by tests/lsp/neovim.rs: `nvim --headless -u NONE FILE -c "luafile THIS"`.
-- Starts `comanage lsp` for the buffer, waits for its diagnostics and prints
-- them, one per line: `DIAGNOSTIC <line> <code> <severity> <message>`.
local bin = os.getenv("COMANAGE_BIN")
local config = { name = "comanage", cmd = { bin, "lsp" }, root_dir = vim.fn.getcwd() }
-- Neovim 0.8+ has vim.lsp.start; 0.7 (Debian 12) only start_client.
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))
end
local got = vim.wait(30000, function()
  return #vim.diagnostic.get(0) > 0
end, 20)
if not got then
  io.stdout:write("NO DIAGNOSTICS\n")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local first = vim.split(d.message, "\n")[1]
  io.stdout:write(string.format("DIAGNOSTIC %d %s %d %s\n", d.lnum + 1, d.code or "?", d.severity, first))
end
local extra = os.getenv("COMANAGE_NVIM_EXTRA")
if extra then
  dofile(extra)
end
vim.cmd("qa!")
