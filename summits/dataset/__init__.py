"""The data file and the model, both ways: files (locate, read, parse, load), build (plain data to a Dataset, every
problem at once), document (a Dataset back to the file's shape), cache and compact (datasets that loaded cleanly)."""
