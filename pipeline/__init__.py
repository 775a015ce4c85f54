"""planscope ingest: the readers (readers/), the stages and the runner that chains them, bulk ingest."""
