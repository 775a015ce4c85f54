"""planscope ingest stages, the runner that chains them, and the CLI."""
