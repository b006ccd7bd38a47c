"""Words of a cohort on PostgreSQL: `studytui class` and its screen, the
course-version warning."""

WORDS = {
    "cohort.needs_url": (
        "`class`에는 PostgreSQL 주소가 필요합니다: --db postgresql://... (또는 $STUDYTUI_DB)",
        "`class` needs a PostgreSQL server: --db postgresql://... (or $STUDYTUI_DB)"),
    "cohort.needs_name": ("역할 이름을 주세요, 예: studytui class {action} kim_minji",
                          "give a role name, e.g. studytui class {action} kim_minji"),
    "cohort.name_only_for": ("이름은 add-student와 add-instructor에만 줍니다",
                             "a name goes only with add-student or add-instructor"),
    "cohort.initialised": (
        "{where}: 준비 완료 (마이그레이션 {applied}개 적용, 과정 버전 {version})",
        "{where}: ready ({applied:~migration} applied, course version {version})"),
    "cohort.student_made": ("학생 역할 {name}을(를) 만들었습니다. 학생에게 이 명령을 전해 주세요:",
                            "made student {name}; hand them this command:"),
    "cohort.instructor_made": ("강사 역할 {name}을(를) 만들었습니다."
                               " 이 명령으로 수업 현황을 봅니다:",
                               "made instructor {name}; this command shows the class:"),
    "cohort.bad_name": ("역할 이름은 영문 소문자로 시작하고 소문자, 숫자, _만 씁니다"
                        " (pg_, studytui_로 시작할 수 없음)",
                        "a role name starts with a lowercase letter and holds lowercase "
                        "letters, digits and _ only (not pg_ or studytui_ first)"),
    "cohort.password_note": (
        "(비밀번호를 명령줄에 두지 않으려면 ~/.pgpass에 이 줄을 넣고"
        " 주소에서 비밀번호를 빼세요: {line})",
        "(to keep the password off the command line, put this line in ~/.pgpass and drop "
        "it from the URL: {line})"),
    "cohort.course_differs": (
        "이 덱(버전 {mine})은 수업 과정(버전 {course})과 다릅니다:"
        " 강사에게 최신 강의 파일을 받으세요",
        "this deck (version {mine}) differs from the class's course (version {course}): "
        "get the current lecture files from your instructor"),
    "cohort.no_course": ("이 서버에는 덱 {deck}의 과정 버전이 없습니다:"
                         " 강사가 `class init`을 실행합니다",
                         "this server has no course version for deck {deck}: the instructor "
                         "runs `class init`"),
    "cohort.rebuilt": ("{where}: 내 카드 상태 {n}개를 이벤트에서 다시 만들었습니다",
                       "{where}: rebuilt {n} of my card states from their events"),
    "cohort.title": ("수업 현황", "The class"),
    "cohort.students_title": ("학생별", "Per student"),
    "cohort.cards_title": ("카드별 (어려운 순)", "Per card (hardest first)"),
    "cohort.lectures_title": ("강의별 학생 분포 (숙달도)",
                              "Per lecture, across students (mastery)"),
    "cohort.students_tab": ("학생", "Students"),
    "cohort.cards_tab": ("카드", "Cards"),
    "cohort.lectures_tab": ("강의", "Lectures"),
    "cohort.student_col": ("학생", "student"),
    "cohort.reviews": ("복습", "reviews"),
    "cohort.streak": ("연속 일수", "streak"),
    "cohort.mature": ("성숙 비율", "mature"),
    "cohort.recall": ("예상 기억률", "recall"),
    "cohort.card": ("카드", "card"),
    "cohort.lecture": ("강의", "lecture"),
    "cohort.lapses": ("망각", "lapses"),
    "cohort.learners": ("학습자", "students"),
    "cohort.min": ("최소", "min"),
    "cohort.p25": ("하위 25%", "p25"),
    "cohort.median": ("중앙값", "median"),
    "cohort.p75": ("상위 25%", "p75"),
    "cohort.max": ("최대", "max"),
    "cohort.empty": ("아직 학생이 없습니다: studytui class add-student 이름",
                     "no students yet: studytui class add-student NAME"),
    "cohort.more_cards": ("… 카드 {n}개 더 (--json에 전부)", "… {n} more cards (all in --json)"),
    "keys.class.close": ("닫기", "Close"),
    "keys.class.close.tip": ("수업 현황 닫기", "Close the class view"),
    "keys.class.close-escape": ("닫기", "Close"),
    "keys.class.close-escape.tip": ("수업 현황 닫기", "Close the class view"),
}
