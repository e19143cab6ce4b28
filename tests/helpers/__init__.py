"""Helpers the test suites share: the demo database, hand computations, the browser and server."""
