-- Attaches the Bilint server to a post through Neovim's own LSP client,
-- waits for its diagnostics, asks for a hover, and prints what arrived as
-- tab-separated lines on stdout (read by neovim.test.ts).
local server = os.getenv('BILINT_SERVER')
local post = os.getenv('BILINT_POST')
local root = os.getenv('BILINT_ROOT')
local hover_line = tonumber(os.getenv('BILINT_HOVER_LINE'))
local hover_char = tonumber(os.getenv('BILINT_HOVER_CHAR'))

local function fail(msg)
  io.stderr:write(msg .. '\n')
  vim.cmd('cquit 1')
end

local published = false
local client_id = vim.lsp.start_client({
  name = 'bilint',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result and #result.diagnostics > 0 then published = true end
    end,
  },
})
if not client_id then fail('could not start the server') end

vim.cmd('edit ' .. vim.fn.fnameescape(post))
vim.bo.filetype = 'markdown'
vim.lsp.buf_attach_client(0, client_id)

if not vim.wait(15000, function() return published end, 50) then fail('no diagnostics within 15 s') end

-- What Neovim itself now holds for the buffer.
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(table.concat({ 'diagnostic', tostring(d.lnum), tostring(d.col), tostring(d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code or ''), d.source or '', d.message:gsub('\n', ' ') }, '\t') .. '\n')
end

local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = hover_line, character = hover_char } }
local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 5000)
for _, r in pairs(responses or {}) do
  if r.result and r.result.contents then
    io.stdout:write('hover\t' .. (r.result.contents.value or ''):gsub('\n', ' ') .. '\n')
  end
end

vim.lsp.stop_client(client_id)
vim.cmd('qall!')
