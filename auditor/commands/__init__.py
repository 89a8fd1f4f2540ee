"""The `audit` commands, one module each; `auditor.cli` registers them on the typer app."""
