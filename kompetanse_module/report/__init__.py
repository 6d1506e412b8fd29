from . import kompetanse_gap_report
