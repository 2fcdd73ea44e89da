"""Executors for the per-document stage (parse + extract), one per name."""
