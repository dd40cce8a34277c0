-- Neovim set-up for scripts/screenshot-lsp.sh: no user config, comanage lsp
-- started for the buffer, then the hover of the function under the cursor.
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 0
vim.o.ruler = false
vim.o.showmode = false
vim.cmd("syntax on")
-- Readable floats in 256 colours (Neovim 0.7's default is magenta).
vim.cmd("highlight NormalFloat ctermbg=236 ctermfg=253")
vim.cmd("highlight FloatBorder ctermbg=236 ctermfg=244")
vim.cmd("highlight markdownCode ctermfg=180 ctermbg=236")
vim.cmd("highlight markdownBold cterm=bold ctermfg=231 ctermbg=236")
vim.lsp.handlers["textDocument/hover"] = vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded" })
local bin = os.getenv("COMANAGE_BIN")
local config = { name = "comanage", cmd = { bin, "lsp" }, root_dir = vim.fn.getcwd() }
vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    -- Neovim 0.8+ has vim.lsp.start; 0.7 (Debian 12) only start_client.
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))
    end
    local line = tonumber(os.getenv("HOVER_LINE"))
    local column = tonumber(os.getenv("HOVER_COLUMN"))
    vim.fn.cursor(line, column)
    vim.cmd("normal! zz")
    vim.wait(15000, function()
      return #vim.diagnostic.get(0) > 0
    end, 50)
    -- A server without hover leaves the diagnostics alone on screen.
    for _, client in pairs(vim.lsp.buf_get_clients(0)) do
      if client.server_capabilities.hoverProvider then
        vim.lsp.buf.hover()
      end
    end
  end,
})
