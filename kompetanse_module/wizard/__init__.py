from . import kompetanse_esco_import
