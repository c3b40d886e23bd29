"""The event stages: dates, places, visits, awards and topics built from resolved agencies and posts.

Each module takes the resolve stage's output (plus the knowledge it needs) and returns frozen objects
of kg.types; none imports another stage. `kg.pipeline` composes them.
"""
