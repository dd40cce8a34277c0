-- Run after diagnostics.lua (COMANAGE_NVIM_EXTRA): the hover of the
-- function `security-monitoring` (line 28), printed as `HOVER <first line>`.
vim.fn.cursor(28, 7)
local params = vim.lsp.util.make_position_params()
local answers = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 20000) or {}
for _, answer in pairs(answers) do
  local contents = answer.result and answer.result.contents
  if contents and contents.value then
    io.stdout:write("HOVER " .. vim.split(contents.value, "\n")[1] .. "\n")
  end
end
