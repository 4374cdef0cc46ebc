"""`saraban web`: the analysts' and reviewers' web application over the published dataset.

Every page reads the last published snapshot through a read-only DuckDB connection; the one
write, a reviewer's correction, goes through `pipeline.dataset.build.add_correction` like the
`correct` command. Layers: cli → web → extractors → pipeline (web and flows are independent).
"""
