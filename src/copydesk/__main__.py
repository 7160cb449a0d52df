"""python -m copydesk (guarded: a spawned worker re-imports this module and must not rerun it)."""
from .cli import main

if __name__ == "__main__":
    main(prog_name="copydesk")
