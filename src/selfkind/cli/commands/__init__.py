"""One module per family of commands; each has ``register(app)``."""
