from . import test_install
from . import test_security_groups
from . import test_menu
from . import test_i18n
from . import test_target
from . import test_role
from . import test_gap_report
from . import test_plan_measure_need
