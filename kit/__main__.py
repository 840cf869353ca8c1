from kit.app.cli import main

main()
