"""Flashcards, the card view, the rating buttons, the session summary, a card's page."""

WORDS = {
    "card.flip_hint": ("뒤집기", "flip"),
    "card.aka": ("다른 이름: {names}", "aka {names}"),
    "card.demo": ("[d] 데모: {name}", "[d] demo: {name}"),
    "card.undone": ("마지막 평가를 되돌렸습니다", "Last rating undone"),
    "rating.1": ("다시", "Again"),
    "rating.2": ("어려움", "Hard"),
    "rating.3": ("알맞음", "Good"),
    "rating.4": ("쉬움", "Easy"),
    "rating.tip": ("평가: {label} ({key} 키)", "Rate {label} (key {key})"),
    "summary.done": ("복습 완료", "Session done"),
    "summary.reviewed": ("복습한 카드", "Reviewed"),
    "summary.again_rate": ("다시 비율", "Again rate"),
    "summary.time": ("걸린 시간", "Time"),
    "summary.next_due": ("다음 복습", "Next due"),
    "summary.to_home": ("홈", "home"),
    "summary.undo_last": ("마지막 평가 되돌리기", "undo the last rating"),
}
