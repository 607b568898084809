"""The command line: parses input, calls services, renders. Nothing else."""
