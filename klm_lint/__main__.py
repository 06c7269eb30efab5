from klm_lint.cli import main

main()
