"""The application: the build, atomic placing, --watch, the command line and the starter."""

import gc

# A build makes objects by the hundred thousand (the model's classes, the layout, PDF
# objects) and few cycles: collecting every 700 new objects, as Python does by default,
# spent about a tenth of a deck's build in the collector.
gc.set_threshold(50_000, 10, 10)
