"""`python -m chronicle.places`: build the place index into the cache folder if it is missing,
and print its path (what `make install` runs, so that no later run has to build it)."""
from .gazetteer import default_path
from .index import ensure

print(ensure(default_path()))
