"""The language server, `klm-lint server`: the linter in the editor, over the Language Server
Protocol on standard input and output (pygls).

Markdown and MDX files get diagnostics as they are typed, fixes and "ignore here" as code
actions, and hover and completion of front-matter keys from their collection's schema. Every
lint goes through `klm_lint.workspace.Workspace`, as the command line goes through `lint`.
"""
