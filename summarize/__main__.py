from summarize.cli.commands import app

app()
