# Data-only module: the custom fields and their place in the forms; no Python code.
