"""The Reports menu: the export choosers and the files they write."""
