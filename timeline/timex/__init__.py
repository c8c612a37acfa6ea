"""Time expressions: recognition (what a phrase can mean) and resolution (which date it is here)."""
