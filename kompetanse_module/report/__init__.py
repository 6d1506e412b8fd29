from . import kompetanse_gap_report
from . import kompetanse_rollup_report
from . import kompetanse_gap_summary
from . import kompetanse_report
from . import kompetanse_conversation_coverage
from . import kompetanse_recruitment_report
from . import kompetanse_turnover_report
from . import kompetanse_arena_report
