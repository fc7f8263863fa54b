"""Default configuration values shared by the CLI, the API and the dialog."""
