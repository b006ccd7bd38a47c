"""The review screen's counts, marks (suspend, bury, flag), a card's source,
the scroll cue; the honest progress figures of Home, Stats and Help."""

WORDS = {
    # the three counts of a session, as Anki shows them
    "counts.new": ("새 카드", "New"),
    "counts.learning": ("학습 중", "Learning"),
    "counts.due": ("복습", "Due"),
    "counts.rated": ("평가 {n}장", "{n} rated"),
    "counts.tip": ("이번 세션에 남은 카드: 새 카드, 학습 중, 복습 (밑줄은 지금 카드)",
                   "Left in this session: new, learning, due (underlined: the card shown)"),
    # marks
    "card.flagged": ("⚑ 깃발", "⚑ flagged"),
    "mark.suspend": ("카드를 일시 중지했습니다: 다시 켤 때까지 나오지 않습니다",
                     "Card suspended: it stays out until you unsuspend it"),
    # 묻기 read as "ask" (묻다): bury is said as putting the card off to tomorrow.
    "mark.bury": ("카드를 내일로 미뤘습니다", "Card buried until tomorrow"),
    "mark.flag": ("깃발을 달았습니다", "Card flagged"),
    "mark.unflag": ("깃발을 뗐습니다", "Flag removed"),
    "mark.undo_hint": ("{key}: 되돌리기", "{key}: undo"),
    "mark.undone.suspend": ("일시 중지를 되돌렸습니다", "Suspend undone"),
    "mark.undone.bury": ("내일로 미루기를 되돌렸습니다", "Bury undone"),
    "mark.undone.flag": ("깃발을 되돌렸습니다", "Flag undone"),
    # where a card is written
    "source.at": ("이 카드는 {where}에 있습니다", "This card is at {where}"),
    "source.bundled": (
        "내장 덱의 카드입니다 ({where}). 설치된 파일은 고치지 마세요. "
        "기록을 그대로 두고 고쳐 쓸 사본을 만들려면: {commands}",
        "A card of the bundled deck ({where}). Do not edit installed files. "
        "To make an editable copy that keeps your history: {commands}"),
    "source.missing": ("이 카드를 덱 파일에서 찾지 못했습니다 (덱을 고쳤나요?)",
                       "This card is not in the deck's files any more (was it edited?)"),
    # the scroll cue in the card's frame
    "scroll.more": ("▼ 더 있음 ({keys})", "▼ more ({keys})"),
    "scroll.above": ("▲ 위에 더 있음 ({keys})", "▲ more above ({keys})"),
    # keys
    "keys.cards.suspend": ("일시 중지", "Suspend"),
    "keys.cards.suspend.tip": ("이 카드를 모든 세션에서 뺍니다 (되돌리기 가능)",
                               "Keep this card out of every session (undoable)"),
    "keys.cards.bury": ("내일로 미루기", "Bury"),
    "keys.cards.bury.tip": ("이 카드를 내일까지 뺍니다 (되돌리기 가능)",
                            "Keep this card out until tomorrow (undoable)"),
    "keys.cards.flag": ("깃발", "Flag"),
    "keys.cards.flag.tip": ("이 카드에 깃발을 달거나 뗍니다 (찾아보기에 보임)",
                            "Flag or unflag this card (shown in Browse)"),
    "keys.cards.source": ("파일 위치", "Source"),
    "keys.cards.source.tip": ("이 카드가 적힌 파일과 줄 보기",
                              "Show the file and line this card is written in"),
    "keys.cards.scroll_up": ("위로", "Scroll up"),
    "keys.cards.scroll_up.tip": ("긴 카드를 한 줄 위로", "Scroll a long card up a line"),
    "keys.cards.scroll_down": ("아래로", "Scroll down"),
    "keys.cards.scroll_down.tip": ("긴 카드를 한 줄 아래로", "Scroll a long card down a line"),
    "keys.cards.page_up": ("앞 쪽", "Page up"),
    "keys.cards.page_up.tip": ("긴 카드를 한 쪽 위로", "Scroll a long card up a page"),
    "keys.cards.page_down": ("다음 쪽", "Page down"),
    "keys.cards.page_down.tip": ("긴 카드를 한 쪽 아래로", "Scroll a long card down a page"),
    "keys.card.suspend": ("일시 중지/해제", "Suspend/unsuspend"),
    "keys.card.suspend.tip": ("이 카드를 세션에서 빼거나 다시 넣습니다",
                              "Keep this card out of sessions, or let it back in"),
    "keys.card.flag": ("깃발", "Flag"),
    "keys.card.flag.tip": ("이 카드에 깃발을 달거나 뗍니다", "Flag or unflag this card"),
    # honest progress figures (Home, Stats, `stats`), each defined in Help
    "home.recall": ("내일 기억률 [b]{pct}[/b]", "recall tomorrow [b]{pct}[/b]"),
    "home.seen": ("본 카드 [b]{n}[/b]", "seen [b]{n}[/b]"),
    "home.mature": ("숙련 [b]{n}[/b]", "mature [b]{n}[/b]"),
    "stats.progress": ("강의별 진도", "Progress per lecture"),
    "table.seen": ("본 카드", "Seen"),
    # 학습 중 -> 다지는 중 -> 숙련: the stages as an instructor names them ("초기" read
    # as "initial", as if the card were new).
    "table.young": ("다지는 중", "Young"),
    "table.mature": ("숙련", "Mature"),
    "table.recall": ("내일 기억률", "Recall tmrw"),
    "figures.title": ("숫자의 뜻", "What the numbers mean"),
    "figures.seen": ("본 카드: 한 번 이상 평가한 카드", "Seen: cards rated at least once"),
    "figures.learning": ("학습 중: 처음 익히는 단계나, 잊어서 다시 익히는 단계의 카드",
                         "Learning: cards in their first learning steps, or relearning after "
                         "a lapse"),
    "figures.young": ("다지는 중: 복습 단계이고 복습 간격이 21일 미만인 카드 (기억을 "
                      "다지는 중)",
                      "Young: cards in review with an interval under 21 days"),
    "figures.mature": ("숙련: 복습 단계이고 복습 간격이 21일 이상인 카드 (Anki와 같은 기준)",
                       "Mature: cards in review with an interval of 21 days or more "
                       "(as in Anki)"),
    "figures.recall": (
        "내일 기억률: FSRS가 예측한 하루 뒤 기억 확률의 평균. 복습 단계의 카드와 잊어서 "
        "다시 익히는 카드로 나누며, 다시 익히는 카드는 0으로 셉니다. 처음 익히는 카드는 "
        "학습 중으로 따로 셉니다. 그래서 '다시'를 누르면 이 값은 오르지 않습니다",
        "Recall tomorrow: FSRS's predicted chance of recall one day from now, averaged "
        "over cards in review and cards relearning after a lapse (those count as 0); "
        "cards in their first learning steps are counted apart, under Learning. So an "
        "Again never raises it"),
    "figures.counts": (
        "세션 위의 세 숫자: 이번 세션에 남은 새 카드, 학습 중, 복습 카드 (지금 카드는 밑줄). "
        "'다시'를 누른 카드는 학습 중으로 옮겨 갑니다",
        "The session's three counts: new, learning and due cards left in this session "
        "(the card shown is underlined). A card rated Again moves to Learning"),
    # a card's record (Browse, a card's page)
    "record.state.new": ("새 카드 (아직 평가 전)", "New (never rated)"),
    "record.state.learning": ("학습 중", "Learning"),
    "record.state.review": ("복습 단계", "Review"),
    "record.state.relearning": ("다시 익히는 중", "Relearning"),
    "record.due": ("다음 복습 {at}", "due {at}"),
    "record.stability": ("안정도 {days}일", "stability {days} d"),
    "record.difficulty": ("난이도 {d}/10", "difficulty {d}/10"),
    "record.suspended": ("일시 중지됨", "suspended"),
    "record.buried": ("{at}까지 미뤄 둠", "buried until {at}"),
    "record.history": ("복습 기록 {n}회 (최근 것부터)", "{n:~review} (newest first)"),
    "record.from_quiz": ("퀴즈에서", "from a quiz"),
}
