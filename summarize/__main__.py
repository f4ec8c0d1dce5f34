from summarize.cli import app

app()
