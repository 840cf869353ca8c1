"""The deck's slides, one module per block kind; each has ``slides(planner, block, ctx)``."""
