// Tests of the Notebook module.
