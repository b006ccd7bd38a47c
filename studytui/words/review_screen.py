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
    "mark.bury": ("카드를 내일까지 묻어 두었습니다", "Card buried until tomorrow"),
    "mark.flag": ("깃발을 달았습니다", "Card flagged"),
    "mark.unflag": ("깃발을 뗐습니다", "Flag removed"),
    "mark.unsuspend": ("일시 중지를 풀었습니다", "Card unsuspended"),
    "mark.undo_hint": ("{key}: 되돌리기", "{key}: undo"),
    "mark.undone.suspend": ("일시 중지를 되돌렸습니다", "Suspend undone"),
    "mark.undone.bury": ("묻어 두기를 되돌렸습니다", "Bury undone"),
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
    "keys.cards.bury": ("묻기", "Bury"),
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
}
