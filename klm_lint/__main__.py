from klm_lint.cli import console

console()
