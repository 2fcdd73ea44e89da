"""`crisisdesk bench`: throughput and peak memory of a full run against the bare parse.

Every figure is a ratio against the bare spaCy parse (`nlp.pipe` with the
same pipeline over the same texts) measured in the same invocation, so the
table means the same on a faster or slower machine.
"""
