"""spaCy components for metrics: values with units, periods, basis cues and the extractor's metrics as spans.

Importing a module here registers its factory with spaCy; `nlp.pipeline.scrutineer_pipeline()` builds them.
"""
