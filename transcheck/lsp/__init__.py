"""The language server (``transcheck lsp``): diagnostics, hover and go to definition in the
editor. Needs the ``lsp`` extra (pygls); imported only by that command."""
