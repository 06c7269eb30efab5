"""The presets: klm-lint's defaults for each site generator, written in the schema language."""
