from portfolio.cli.main import run

run()
