"""The Dash dashboard: an interactive, filterable chronology of an event table.

    from dashboard.app import create_app
    create_app(events).run()          # or: python -m timeline serve EVENTS.csv

Modules: data (pure filter/options/URL/lane/window functions), figures (pure figure builders), layout,
callbacks (thin), events (the app's event set), articles (adding an article in the background),
synthetic (deterministic synthetic tables for benchmarks), app (create_app).
"""
