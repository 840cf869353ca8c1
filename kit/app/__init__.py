"""The application: the build, atomic placing, --watch, the command line and the starter."""
