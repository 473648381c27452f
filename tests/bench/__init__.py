"""Benchmarks: run by hand (see README.md), never collected by pytest."""
