"""Pure questions asked of a Dataset, no I/O: names, filters, counts, leaders, sources, search, timeline."""
