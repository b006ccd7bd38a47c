"""The app's own words: notices, language names, Help (the palette's are in finder.py)."""

WORDS = {
    "app.subtitle": ("딥러닝 기초", "Deep learning basics"),
    "lang.ko": ("한국어", "한국어"),
    "lang.en": ("English", "English"),
    "lang.both": ("한국어 + English", "한국어 + English"),
    "app.lang_title": ("언어", "Language"),
    "app.backup_title": ("백업", "Backup"),
    "app.store_title": ("복습 기록", "Review store"),
    "app.no_new": ("지금 볼 새 카드가 없습니다", "No new cards right now"),
    "app.no_due": ("지금 복습할 카드가 없습니다", "No cards due right now"),
    "app.no_questions": ("이 강의들에는 문제가 없습니다", "No questions for these lectures"),
    # Help
    "help.keys": ("단축키", "keys"),
    "help.tab": ("입력란과 버튼 사이 이동", "Move between fields and buttons"),
    "help.mouse": ("버튼, 행, 입력란 클릭", "Click buttons, rows and fields"),
    "help.mouse_key": ("마우스", "mouse"),
    "help.close": ("닫기", "close"),
    # screen names (Help's title)
    "screen.home": ("홈", "Home"),
    "screen.flashcards": ("플래시카드", "Flashcards"),
    "screen.summary": ("복습 요약", "Session summary"),
    "screen.quiz_setup": ("퀴즈 설정", "Quiz setup"),
    "screen.quiz": ("퀴즈", "Quiz"),
    "screen.quiz_result": ("퀴즈 결과", "Quiz result"),
    "screen.browse": ("찾기", "Browse"),
    "screen.card": ("카드", "Card"),
    "screen.stats": ("통계", "Stats"),
    "screen.demo": ("데모", "Demo"),
    "screen.settings": ("설정", "Settings"),
}
